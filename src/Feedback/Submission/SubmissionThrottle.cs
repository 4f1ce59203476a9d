using System.Collections.Concurrent;

namespace Tilannekuva.Feedback.Submission;

/// <summary>
/// Fixed one-minute windows per key (a link and client address, or a kiosk). In memory: a restart
/// forgets the counts, which only ever lets a few more through.
/// </summary>
public sealed class SubmissionThrottle(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private long _lastSweep;

    private sealed class Window(long minute)
    {
        public long Minute = minute;
        public int Count;
    }

    /// <summary>Counts one attempt; false when the key has used up its limit for this minute.</summary>
    public bool TryAcquire(string key, int perMinute)
    {
        var minute = _clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        Sweep(minute);
        var w = _windows.GetOrAdd(key, _ => new Window(minute));
        lock (w)
        {
            if (w.Minute != minute) { w.Minute = minute; w.Count = 0; }
            if (w.Count >= perMinute) return false;
            w.Count++;
            return true;
        }
    }

    private void Sweep(long minute)
    {
        if (Interlocked.Exchange(ref _lastSweep, minute) == minute) return;
        foreach (var (key, w) in _windows)
            if (w.Minute < minute - 1) _windows.TryRemove(key, out _);
    }
}
