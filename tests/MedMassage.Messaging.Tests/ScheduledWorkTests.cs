using MedMassage.ServiceDefaults.Persistence;
using MedMassage.Testing;
using Npgsql;

namespace MedMassage.Messaging.Tests;

/// <summary>Scheduled work (sweeps, start-up seeding) done by one replica at a time, on the real PostgreSQL.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ScheduledWorkTests(InfrastructureFixture infrastructure)
{
    private string Server => new NpgsqlConnectionStringBuilder(infrastructure.NewDatabase("lease")) { Database = "postgres" }.ConnectionString;

    [Fact]
    public async Task While_one_replica_sweeps_another_replica_skips_the_sweep()
    {
        var (first, second) = (new SingleReplica(Server), new SingleReplica(Server));
        var name = $"sweep-{Guid.NewGuid():N}";
        var running = new TaskCompletionSource();
        var finish = new TaskCompletionSource();

        var sweeping = first.TryRunAsync(name, async _ => { running.SetResult(); await finish.Task; }, CancellationToken.None);
        await running.Task;
        var ranMeanwhile = await second.TryRunAsync(name, _ => Task.CompletedTask, CancellationToken.None);
        finish.SetResult();

        Assert.True(await sweeping);
        Assert.False(ranMeanwhile);
        Assert.True(await second.TryRunAsync(name, _ => Task.CompletedTask, CancellationToken.None)); // free again once done
    }

    [Fact]
    public async Task A_replica_killed_in_the_middle_of_a_sweep_leaves_it_to_the_others()
    {
        var name = $"sweep-{Guid.NewGuid():N}";
        var replica = new SingleReplica(Server);
        int session;
        // A replica takes the lock on its connection, then dies: the server ends its session.
        await using (var dying = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString))
        {
            await dying.OpenAsync();
            session = dying.ProcessID;
            await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({SingleReplica.KeyOf(name)})", dying);
            Assert.True((bool)(await take.ExecuteScalarAsync())!);
            Assert.False(await replica.TryRunAsync(name, _ => Task.CompletedTask, CancellationToken.None));
        }
        // The server releases the lock when the dead session's backend has exited, a moment after the client is gone.
        await SessionEndedAsync(session);

        Assert.True(await replica.TryRunAsync(name, _ => Task.CompletedTask, CancellationToken.None));
    }

    private async Task SessionEndedAsync(int session)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand($"SELECT count(*) FROM pg_stat_activity WHERE pid = {session}", connection);
        for (var wait = 0; wait < 100 && (long)(await query.ExecuteScalarAsync())! > 0; wait++)
        {
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Start_up_work_of_two_replicas_runs_one_after_the_other_never_together()
    {
        var name = $"start-up-{Guid.NewGuid():N}";
        var inside = 0;
        var overlaps = 0;
        async Task Work(CancellationToken _)
        {
            overlaps += Interlocked.Increment(ref inside) > 1 ? 1 : 0;
            await Task.Delay(200);
            Interlocked.Decrement(ref inside);
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => new SingleReplica(Server).RunAsync(name, Work, CancellationToken.None)));

        Assert.Equal(0, overlaps);
    }

    [Fact]
    public async Task Work_that_fails_does_not_keep_the_lock()
    {
        var name = $"sweep-{Guid.NewGuid():N}";
        var replica = new SingleReplica(Server);

        await Assert.ThrowsAsync<InvalidOperationException>(() => replica.TryRunAsync(name, _ => throw new InvalidOperationException("boom"), CancellationToken.None));

        Assert.True(await new SingleReplica(Server).TryRunAsync(name, _ => Task.CompletedTask, CancellationToken.None));
    }
}
