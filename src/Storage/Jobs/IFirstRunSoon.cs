namespace Tilannekuva.Storage.Jobs;

/// <summary>
/// Optional beside <see cref="IScheduledJob"/>: the job's first turn comes a minute after it is first scheduled in a store,
/// not one whole interval later (the PTV refresh: an empty service tray should not wait a day). Later restarts keep the
/// stored timetable either way.
/// </summary>
public interface IFirstRunSoon;
