using System.Net;
using MedMassage.Identity.Api.Domain;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Identity.Api.Tests.Security;

/// <summary>
/// Thirty wrong passwords, then the right one, used to sign in: no lockout, and every try cost a PBKDF2 hash. Now a
/// user name is locked with a growing back-off after five failures in a row, known or not, without checking passwords.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PasswordGuessingTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Thirty_wrong_passwords_lock_the_user_name_and_the_right_one_is_refused_until_the_lock_ends()
    {
        await using var service = new IdentityService(infrastructure); // its own: the lock must not reach other tests
        using var browser = new StaffBrowser(service);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add(await SignInAsync(browser, "therapist", $"guess-{i}"));
        }
        var right = await SignInAsync(browser, "therapist", "dev-therapist");

        Assert.All(statuses.Take(SignInAttempts.FreeFailures), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(SignInAttempts.FreeFailures + 1), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, right);
        // Another person is not affected.
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(browser, "frontdesk", "dev-front-desk"));
    }

    [Fact]
    public async Task A_user_name_that_does_not_exist_is_locked_alike_so_the_lock_reveals_nothing()
    {
        await using var service = new IdentityService(infrastructure);
        using var browser = new StaffBrowser(service);

        var known = new List<HttpStatusCode>();
        var unknown = new List<HttpStatusCode>();
        for (var i = 0; i < SignInAttempts.FreeFailures + 2; i++)
        {
            known.Add(await SignInAsync(browser, "admin", $"guess-{i}"));
            unknown.Add(await SignInAsync(browser, "nobody-here", $"guess-{i}"));
        }

        Assert.Equal(known, unknown);
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown[^1]);
    }

    [Fact]
    public void The_lock_doubles_with_each_failure_after_five_and_never_exceeds_an_hour()
    {
        var now = DateTimeOffset.UnixEpoch;
        var attempts = new SignInAttempts("someone");
        var locks = new List<TimeSpan?>();
        for (var i = 0; i < 14; i++)
        {
            attempts.Failed(now);
            locks.Add(attempts.LockedUntil - now);
        }

        Assert.All(locks.Take(5), l => Assert.Null(l));
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], locks.Skip(5).Select(l => l!.Value.TotalMinutes));
        Assert.True(attempts.IsLocked(now));
        Assert.False(attempts.IsLocked(now + SignInAttempts.LongestLock));
    }

    private static async Task<HttpStatusCode> SignInAsync(StaffBrowser browser, string userName, string password)
    {
        var form = await browser.OpenLoginPageAsync(browser.AuthorizeUrl());
        using var response = await browser.SubmitLoginAsync(form, userName, password);
        return response.StatusCode;
    }
}
