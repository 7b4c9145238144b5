namespace MedMassage.Notification.Api.Tests.Support;

/// <summary>One SMTP connection as the proxy saw it.</summary>
public sealed class SmtpSession
{
    private readonly Lock _lock = new();
    private readonly List<string> _recipients = [];
    private readonly List<string> _refused = [];
    private volatile bool _quit;
    private volatile bool _closed;

    /// <summary>Recipients passed on to the server, in order.</summary>
    public IReadOnlyList<string> Recipients { get { lock (_lock) { return [.. _recipients]; } } }

    /// <summary>Recipients the proxy refused in the server's place.</summary>
    public IReadOnlyList<string> Refused { get { lock (_lock) { return [.. _refused]; } } }

    /// <summary>The client ended the session properly, with QUIT.</summary>
    public bool Quit { get => _quit; internal set => _quit = value; }

    public bool Closed { get => _closed; internal set => _closed = value; }

    public override string ToString() => $"[{string.Join(", ", Recipients)}] refused [{string.Join(", ", Refused)}], quit: {Quit}, closed: {Closed}";

    internal void Accept(string address)
    {
        lock (_lock) { _recipients.Add(address); }
    }

    internal void Refuse(string address)
    {
        lock (_lock) { _refused.Add(address); }
    }
}
