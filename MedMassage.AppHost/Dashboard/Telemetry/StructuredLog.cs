namespace MedMassage.AppHost.Dashboard.Telemetry;

public enum LogSeverity { Trace, Debug, Information, Warning, Error, Critical }

/// <summary>One log record a service exported, with the trace it was written in (if any).</summary>
public sealed record StructuredLog(
    long Sequence,
    DateTimeOffset Timestamp,
    string Service,
    LogSeverity Level,
    string Category,
    string Message,
    string? TraceId,
    string? SpanId,
    IReadOnlyList<KeyValuePair<string, string>> Attributes)
{
    /// <summary>OTLP severity numbers come in fours per level (1–4 trace … 21–24 fatal).</summary>
    public static LogSeverity LevelOf(int severityNumber) => severityNumber switch
    {
        <= 4 => LogSeverity.Trace,
        <= 8 => LogSeverity.Debug,
        <= 12 => LogSeverity.Information,
        <= 16 => LogSeverity.Warning,
        <= 20 => LogSeverity.Error,
        _ => LogSeverity.Critical,
    };
}

public sealed record LogQuery(string? Service = null, LogSeverity? MinimumLevel = null, string? TraceId = null, string? Text = null, int Limit = 500);
