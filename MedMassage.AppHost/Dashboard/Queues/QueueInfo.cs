namespace MedMassage.AppHost.Dashboard.Queues;

/// <summary>One RabbitMQ queue as the management API reports it.</summary>
public sealed record QueueInfo(
    string Name,
    string VirtualHost,
    long Messages,
    long Ready,
    long Unacknowledged,
    int Consumers,
    double PublishRate,
    double DeliverRate)
{
    private const string ErrorSuffix = "_error";

    /// <summary>MassTransit moves a message that failed every retry to <c>{queue}_error</c>.</summary>
    public bool IsErrorQueue => Name.EndsWith(ErrorSuffix, StringComparison.Ordinal);

    public string? SourceQueue => IsErrorQueue ? Name[..^ErrorSuffix.Length] : null;
}

/// <summary>How a move from an error queue ended.</summary>
public sealed record MoveResult(int Moved, string? Error);
