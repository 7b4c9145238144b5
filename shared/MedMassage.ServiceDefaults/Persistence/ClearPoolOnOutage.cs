using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace MedMassage.ServiceDefaults.Persistence;

/// <summary>
/// After PostgreSQL restarts, every idle connection in the pool is dead, and each would fail the next command that
/// takes it: a quiet service would answer 503 to its next ten requests (and a consumer could use up its retries on
/// them). The first command that meets a dead connection clears the pool, so the rest open fresh ones.
/// </summary>
internal sealed class ClearPoolOnOutage : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Clear(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Clear(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Clear(DbCommand command, Exception exception)
    {
        if (UnavailableExceptionHandler.DatabaseUnavailable(exception) is not null && command.Connection is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
