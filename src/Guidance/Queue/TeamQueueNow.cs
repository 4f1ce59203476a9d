namespace Tilannekuva.Guidance.Queue;

/// <summary>
/// A guidance team's queue at this moment, for the steering board's tile: counts and the longest wait only, never a
/// chat's content or who is in it.
/// </summary>
public sealed record TeamQueueNow(string TeamCode, string TeamName, bool Open, int Queued, int Active, int? LongestWaitMinutes);
