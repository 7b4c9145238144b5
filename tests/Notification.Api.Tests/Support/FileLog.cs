using Microsoft.Extensions.Logging;

namespace Notification.Api.Tests.Support;

internal sealed class FileLog(string path) : ILoggerProvider, ILogger
{
    private readonly Lock _gate = new();
    public ILogger CreateLogger(string categoryName) => this;
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate) File.AppendAllText(path, $"{logLevel}: {formatter(state, exception)} {exception}\n");
    }
    public void Dispose() { }
}
