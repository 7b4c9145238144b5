namespace MedMassage.AppHost.Dashboard.Pages;

internal static class LoginPage
{
    public static string Render(bool failed) => Layout.Page("Log in", "", $"""
        <form method="post" action="/login" class="login">
          <p>Open the address the AppHost printed when it started (<code>Login to the dashboard at …/login?t=…</code>),
          or paste its token here.</p>
          {(failed ? "<p class=\"error\">That token is not valid for this run.</p>" : "")}
          <input name="t" type="password" placeholder="Token" autofocus>
          <button type="submit">Log in</button>
        </form>
        """);
}
