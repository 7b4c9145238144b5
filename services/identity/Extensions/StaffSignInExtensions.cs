using MedMassage.Identity.Api.Domain;
using Microsoft.AspNetCore.Identity;

namespace Microsoft.Extensions.Hosting;

internal static class StaffSignInExtensions
{
    public const string CookieScheme = "staff";

    /// <summary>The login page's session: a short cookie that only this service reads, used to answer /connect/authorize.</summary>
    public static void AddStaffSignIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieScheme)
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.LoginPath = AccountApi.LoginPath;
                cookie.Cookie.Name = "medmassage.identity";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                cookie.SlidingExpiration = false;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "medmassage.identity.antiforgery");
        builder.Services.AddSingleton<IPasswordHasher<StaffMember>, PasswordHasher<StaffMember>>();
    }
}
