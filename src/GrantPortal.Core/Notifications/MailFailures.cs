namespace GrantPortal.Core.Notifications;

/// <summary>The mail server could not be reached, or kept answering "try later", after every retry.</summary>
public sealed class TransientMailFailureException(string message, int attempts, int unsentCount, Exception innerException)
    : Exception(message, innerException)
{
    public int Attempts { get; } = attempts;

    /// <summary>Messages of the batch that were not handed to the server; retrying the batch later is safe for these.</summary>
    public int UnsentCount { get; } = unsentCount;
}

/// <summary>The server refused some messages with a 5xx answer; retrying would not help.</summary>
public sealed class PermanentMailFailureException(IReadOnlyList<RejectedMessage> rejected)
    : Exception($"The mail server refused {rejected.Count} message(s) for: {string.Join(", ", rejected.SelectMany(r => r.Recipients).Distinct())}.")
{
    public IReadOnlyList<RejectedMessage> Rejected { get; } = rejected;

    /// <summary>Everyone who did not get their message, in the order of the batch.</summary>
    public IReadOnlyList<string> FailedRecipients { get; } = rejected.SelectMany(r => r.Recipients).Distinct().ToList();
}

/// <param name="MessageId">The message's Message-Id header.</param>
/// <param name="Recipients">Every recipient of the message: the server took it for none of them.</param>
/// <param name="RefusedMailbox">The address the server named, when it refused one recipient.</param>
/// <param name="StatusCode">The SMTP reply code, e.g. 550.</param>
public sealed record RejectedMessage(string MessageId, IReadOnlyList<string> Recipients, string? RefusedMailbox, int StatusCode, string Reason);
