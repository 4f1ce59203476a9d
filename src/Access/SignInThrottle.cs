using System.Collections.Concurrent;

namespace Tilannekuva.Access;

/// <summary>Limits of <see cref="SignInThrottle"/>; configuration section "Security:SignIn".</summary>
public sealed record SignInLimits
{
    /// <summary>Failed sign-ins of one account allowed without a wait.</summary>
    public int AccountFreeFailures { get; init; } = 3;
    /// <summary>Failures of one account after which it is locked for <see cref="LockMinutes"/>.</summary>
    public int AccountLockFailures { get; init; } = 10;
    /// <summary>Failed sign-ins from one address allowed without a wait (a shared office address makes many).</summary>
    public int AddressFreeFailures { get; init; } = 20;
    public int AddressLockFailures { get; init; } = 100;
    public int LockMinutes { get; init; } = 15;
    /// <summary>The longest wait between attempts before the lock, in seconds.</summary>
    public int MaxDelaySeconds { get; init; } = 60;
    /// <summary>Failures older than this are forgotten.</summary>
    public int WindowMinutes { get; init; } = 60;
}

/// <summary>
/// Sign-in throttling (kirjautumisyritysten rajoitus) per account and per address: after a few failures each further
/// attempt must wait a doubling delay (1 s, 2 s, 4 s … up to <see cref="SignInLimits.MaxDelaySeconds"/>), and after
/// many the account or address is locked for <see cref="SignInLimits.LockMinutes"/>. An attempt made too early is
/// refused without checking the password, so guessing in parallel gains nothing. Kept in memory: one application
/// instance (a restart forgets the counts; see docs/security.md).
/// </summary>
public sealed class SignInThrottle(SignInLimits limits, TimeProvider clock)
{
    private sealed class Record
    {
        public int Failures;
        public DateTimeOffset LastFailure;
        public DateTimeOffset NotBefore;
    }

    private readonly ConcurrentDictionary<string, Record> _records = new(StringComparer.Ordinal);

    /// <summary>How long the caller must still wait before an attempt for this account from this address (zero: go ahead), and whether that is a lock.</summary>
    public (TimeSpan Wait, bool Locked) Check(string userName, string? address)
    {
        var now = clock.GetUtcNow();
        var wait = TimeSpan.Zero;
        var locked = false;
        foreach (var (key, lockAt) in Keys(userName, address))
        {
            if (!_records.TryGetValue(key, out var r)) continue;
            lock (r)
            {
                if (now - r.LastFailure > TimeSpan.FromMinutes(limits.WindowMinutes) && r.NotBefore <= now) { r.Failures = 0; continue; }
                if (r.NotBefore > now && r.NotBefore - now > wait) (wait, locked) = (r.NotBefore - now, r.Failures >= lockAt);
            }
        }
        return (wait, locked);
    }

    /// <summary>Counts a failed attempt; returns true when this failure locked the account or address.</summary>
    public bool Failed(string userName, string? address)
    {
        var now = clock.GetUtcNow();
        var lockedNow = false;
        if (_records.Count > MaxRecords) Forget(now);
        foreach (var (key, lockAt) in Keys(userName, address))
        {
            var r = _records.GetOrAdd(key, _ => new Record());
            lock (r)
            {
                if (now - r.LastFailure > TimeSpan.FromMinutes(limits.WindowMinutes)) r.Failures = 0;
                r.Failures++;
                r.LastFailure = now;
                var free = key.StartsWith("a:", StringComparison.Ordinal) ? limits.AccountFreeFailures : limits.AddressFreeFailures;
                if (r.Failures >= lockAt)
                {
                    r.NotBefore = now.AddMinutes(limits.LockMinutes);
                    lockedNow |= r.Failures == lockAt;
                }
                else if (r.Failures > free)
                {
                    var seconds = Math.Min(limits.MaxDelaySeconds, Math.Pow(2, r.Failures - free - 1));
                    r.NotBefore = now.AddSeconds(seconds);
                }
            }
        }
        return lockedNow;
    }

    /// <summary>A successful sign-in clears the account's count (not the address's: one right password must not excuse guessing others).</summary>
    public void Succeeded(string userName) => _records.TryRemove(AccountKey(userName), out _);

    /// <summary>Clears an account's lock (an admin's password reset).</summary>
    public void Clear(string userName) => _records.TryRemove(AccountKey(userName), out _);

    /// <summary>Guessing from many addresses must not fill the memory: past this many records the finished ones go.</summary>
    private const int MaxRecords = 100_000;

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, r) in _records)
            if (r.NotBefore <= now && now - r.LastFailure > TimeSpan.FromMinutes(1)) _records.TryRemove(key, out _);
    }

    private IEnumerable<(string Key, int LockAt)> Keys(string userName, string? address)
    {
        yield return (AccountKey(userName), limits.AccountLockFailures);
        if (!string.IsNullOrEmpty(address)) yield return ("i:" + address, limits.AddressLockFailures);
    }

    private static string AccountKey(string userName) => "a:" + userName.Trim().ToLowerInvariant();
}
