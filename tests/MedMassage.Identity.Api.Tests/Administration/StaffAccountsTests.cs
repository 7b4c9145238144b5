using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MedMassage.Identity.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MedMassage.Identity.Api.Tests.Administration;

/// <summary>
/// A clinic admin lets their people in without the development seed: invites them (a one-time link to set a password),
/// changes their role, deactivates them; only at the admin's own locations. The seeded admin works at Riverside.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed partial class StaffAccountsTests(InfrastructureFixture infrastructure, SharedIdentityService shared) : IClassFixture<SharedIdentityService>
{
    public static readonly Guid Riverside = Guid.Parse("b5bc387d-4108-4330-9e39-4a50749e13e4");
    private static readonly Guid Elsewhere = Guid.Parse("13b754c6-46b4-4eec-814e-8f09a6ccb385");

    [Fact]
    public async Task An_invited_person_sets_a_password_from_the_link_signs_in_and_can_be_deactivated()
    {
        var service = await shared.GetAsync(infrastructure);
        using var admin = await AdminAsync(service);
        var userName = $"desk-{Guid.NewGuid():N}"[..16];

        var invited = await Read(await admin.PostAsJsonAsync("/api/identity/staff", new { userName, displayName = "Dee Desk", role = "front-desk", locations = new[] { Riverside } }), HttpStatusCode.Created);
        var link = new Uri(invited.GetProperty("invitationUrl").GetString()!);
        var id = invited.GetProperty("account").GetProperty("id").GetGuid();
        Assert.False(invited.GetProperty("account").GetProperty("hasPassword").GetBoolean());

        // Before the password is set, the account cannot sign in at all.
        using (var early = new StaffBrowser(service))
        {
            var form = await early.OpenLoginPageAsync(early.AuthorizeUrl());
            Assert.Equal(HttpStatusCode.Unauthorized, (await early.SubmitLoginAsync(form, userName, "")).StatusCode);
        }

        using var person = service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await person.GetStringAsync(link.PathAndQuery);
        Assert.Contains("Dee Desk", page, StringComparison.Ordinal);
        var token = Antiforgery().Match(page).Groups[1].Value;
        using (var tooShort = await person.PostAsync(link.PathAndQuery, Form(("password", "short"), ("confirm", "short"), ("__RequestVerificationToken", token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        }
        using (var set = await person.PostAsync(link.PathAndQuery, Form(("password", "a long enough password"), ("confirm", "a long enough password"), ("__RequestVerificationToken", token))))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Gone, (await person.GetAsync(link.PathAndQuery)).StatusCode); // used once

        using var browser = new StaffBrowser(service);
        var tokens = await browser.RedeemAsync(await browser.SignInForCodeAsync(userName, "a long enough password"));
        Assert.Equal(HttpStatusCode.OK, tokens.Status);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/staff/{id}/deactivate", null)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.RefreshAsync(tokens["refresh_token"]!)).Status);
        using var after = new StaffBrowser(service);
        var again = await after.OpenLoginPageAsync(after.AuthorizeUrl());
        Assert.Equal(HttpStatusCode.Unauthorized, (await after.SubmitLoginAsync(again, userName, "a long enough password")).StatusCode);
    }

    [Fact]
    public async Task An_admin_grants_only_the_clinics_roles_at_their_own_locations_and_sees_only_their_people()
    {
        var service = await shared.GetAsync(infrastructure);
        using var admin = await AdminAsync(service);
        var name = $"x-{Guid.NewGuid():N}"[..12];

        var elsewhere = await admin.PostAsJsonAsync("/api/identity/staff", new { userName = name, role = "front-desk", locations = new[] { Elsewhere } });
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        var ops = await admin.PostAsJsonAsync("/api/identity/staff", new { userName = name, role = "ops", locations = new[] { Riverside } });
        Assert.Equal(HttpStatusCode.BadRequest, ops.StatusCode);
        Assert.Contains("manager", await ops.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/identity/staff", new { userName = "therapist", role = "therapist", locations = new[] { Riverside } })).StatusCode);

        var manager = await Read(await admin.PostAsJsonAsync("/api/identity/staff", new { userName = name, displayName = "Max Manager", role = "manager", locations = new[] { Riverside } }), HttpStatusCode.Created);
        var listed = await Read(await admin.GetAsync("/api/identity/staff"), HttpStatusCode.OK);
        var names = listed.EnumerateArray().Select(s => s.GetProperty("userName").GetString()).ToList();
        Assert.Contains(name, names);
        Assert.Contains("therapist", names); // works at Riverside too
        Assert.DoesNotContain("frontdesk", names); // works elsewhere only
        var frontdesk = Guid.Parse("6e999da2-72bd-423e-84db-d140b97a71f9");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/identity/staff/{frontdesk}/deactivate", null)).StatusCode);
        var self = Guid.Parse("d7e2b34a-c4fc-4e17-9028-91cc0eea979f");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/api/identity/staff/{self}/deactivate", null)).StatusCode);
        Assert.Equal("manager", manager.GetProperty("account").GetProperty("role").GetString());
    }

    [Fact]
    public async Task Only_a_clinic_admins_token_opens_the_staff_accounts()
    {
        var service = await shared.GetAsync(infrastructure);
        using var anonymous = service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/identity/staff")).StatusCode);
        using var therapist = await SignedInAsync(service, "therapist", "dev-therapist");
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync("/api/identity/staff")).StatusCode);
    }

    internal static Task<HttpClient> AdminAsync(IdentityService service) => SignedInAsync(service, "admin", "dev-admin");

    private static async Task<HttpClient> SignedInAsync(IdentityService service, string user, string password)
    {
        using var browser = new StaffBrowser(service);
        var tokens = await browser.RedeemAsync(await browser.SignInForCodeAsync(user, password));
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["access_token"]);
        return client;
    }

    internal static async Task<JsonElement> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    [GeneratedRegex("""name="__RequestVerificationToken" value="([^"]+)" """)]
    private static partial Regex Antiforgery();
}
