namespace MedMassage.Notification.Api.Domain.Messages;

/// <summary>One line of a message's delivery log.</summary>
public sealed class MessageLogEntry
{
    private MessageLogEntry()
    {
    }

    internal MessageLogEntry(DateTimeOffset at, LogStatus status, int attempt, string? detail)
    {
        At = at;
        Status = status;
        Attempt = attempt;
        Detail = detail;
    }

    public long Id { get; private set; }
    public Guid MessageId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public LogStatus Status { get; private set; }
    public int Attempt { get; private set; }
    public string? Detail { get; private set; }
}
