namespace MedMassage.AppHost.Dashboard.Pages;

/// <summary>The dashboard's only stylesheet and script, served from memory: no front-end build.</summary>
internal static class Assets
{
    public const string Css = """
        :root { --bg:#f6f7f9; --panel:#fff; --line:#e2e5ea; --text:#1d2330; --muted:#6b7280; --accent:#2457c5; --ok:#1a7f37; --bad:#c62828; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background:var(--bg); color:var(--text); }
        header { display:flex; gap:24px; align-items:center; padding:0 20px; height:48px; background:#1d2330; }
        header .brand { color:#fff; font-weight:700; text-decoration:none; }
        header nav a { color:#c9d1e3; text-decoration:none; padding:14px 10px; }
        header nav a.active, header nav a:hover { color:#fff; border-bottom:2px solid #6ea0ff; }
        main { padding:16px 20px 40px; }
        h1 { font-size:20px; margin:4px 0 14px; } h2 { font-size:16px; margin:22px 0 8px; }
        a { color:var(--accent); }
        code { font:12px ui-monospace, SFMono-Regular, Menlo, monospace; }
        table.grid { border-collapse:collapse; width:100%; background:var(--panel); border:1px solid var(--line); }
        table.grid th, table.grid td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
        table.grid th { background:#eef1f5; font-weight:600; font-size:12px; color:#374151; }
        table.grid tr.error td { background:#fdecec; }
        table.attrs { border-collapse:collapse; margin:6px 0; font-size:12px; }
        table.attrs th { text-align:left; color:var(--muted); font-weight:500; padding:1px 10px 1px 0; vertical-align:top; }
        table.attrs td { font-family:ui-monospace, monospace; word-break:break-all; }
        .state { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; background:#e5e7eb; }
        .state-running { background:#dcf5e3; color:var(--ok); }
        .state-unhealthy, .state-exited, .state-failed { background:#fde2e2; color:var(--bad); }
        .state-starting, .state-restarting, .state-waiting { background:#fff3cd; color:#8a6100; }
        .ok { color:var(--ok); font-weight:600; } .bad { color:var(--bad); font-weight:600; } .muted { color:var(--muted); }
        .nowrap { white-space:nowrap; }
        .svc { display:inline-block; padding:0 6px; margin:1px 2px; border-radius:4px; font-size:12px; color:#fff; background:var(--svc); white-space:nowrap; }
        button, .button { font:inherit; font-size:12px; padding:3px 10px; margin-right:4px; border:1px solid #b8c0cc; border-radius:4px; background:#fff; color:var(--text); cursor:pointer; text-decoration:none; display:inline-block; }
        button:hover, .button:hover { background:#eef2ff; }
        button:disabled { opacity:.5; cursor:wait; }
        .filters { display:flex; flex-wrap:wrap; gap:12px; align-items:end; margin-bottom:12px; }
        .filters label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); gap:2px; }
        input, select { font:inherit; padding:4px 6px; border:1px solid #b8c0cc; border-radius:4px; background:#fff; }
        pre.console { background:#11151c; color:#d7dce5; padding:10px; height:70vh; overflow:auto; font:12px/1.4 ui-monospace, monospace; margin:0; }
        pre.console .line.err { color:#ff8a80; } pre.console .line.hidden { display:none; } pre.console mark { background:#ffd54f; color:#000; }
        dl.facts { display:grid; grid-template-columns:140px 1fr; gap:4px 12px; background:var(--panel); border:1px solid var(--line); padding:12px; margin:0; }
        dl.facts dt { color:var(--muted); } dl.facts dd { margin:0; }
        .facts-line { background:var(--panel); border:1px solid var(--line); padding:8px 12px; }
        .waterfall { background:var(--panel); border:1px solid var(--line); }
        .wf-head, .wf-row > summary { display:grid; grid-template-columns:minmax(320px, 38%) 1fr 90px; gap:8px; align-items:center; }
        .wf-head { font-size:12px; font-weight:600; background:#eef1f5; padding:6px 8px; }
        .wf-scale { display:flex; justify-content:space-between; color:var(--muted); }
        .wf-row > summary { list-style:none; cursor:pointer; padding:3px 8px; border-top:1px solid var(--line); }
        .wf-row > summary::-webkit-details-marker { display:none; }
        .wf-row > summary:hover { background:#f3f6fb; }
        .wf-row.error .wf-name { color:var(--bad); }
        .wf-name { white-space:nowrap; overflow:hidden; text-overflow:ellipsis; font-size:13px; }
        .wf-name .kind { font-size:11px; color:var(--muted); }
        .wf-track { position:relative; height:18px; }
        .wf-bar { position:absolute; top:3px; height:12px; border-radius:2px; background:var(--svc); min-width:2px; }
        .wf-row.error .wf-bar { outline:2px solid var(--bad); }
        .wf-label { text-align:right; font-size:12px; color:var(--muted); white-space:nowrap; }
        .wf-detail { padding:6px 12px 10px 24px; background:#fafbfc; border-top:1px dashed var(--line); }
        tr.level-warning td:nth-child(3) { color:#8a6100; font-weight:600; }
        tr.level-error td:nth-child(3), tr.level-critical td:nth-child(3) { color:var(--bad); font-weight:600; }
        details > summary { cursor:pointer; }
        .login { max-width:420px; background:var(--panel); border:1px solid var(--line); padding:16px; display:flex; flex-direction:column; gap:10px; }
        .login .error { color:var(--bad); }
        #toast { position:fixed; right:16px; bottom:16px; background:#1d2330; color:#fff; padding:8px 14px; border-radius:6px; display:none; }
        """;

    public const string Js = """
        "use strict";
        function toast(text) {
          let t = document.getElementById("toast");
          if (!t) { t = document.createElement("div"); t.id = "toast"; document.body.appendChild(t); }
          t.textContent = text; t.style.display = "block";
          clearTimeout(t.hideTimer); t.hideTimer = setTimeout(() => t.style.display = "none", 4000);
        }
        async function refresh(el) {
          const response = await fetch(el.dataset.refresh, { headers: { "Accept": "text/html" } });
          if (response.ok) el.innerHTML = await response.text();
        }
        document.querySelectorAll("[data-refresh]").forEach(el => setInterval(() => refresh(el).catch(() => {}), +el.dataset.every || 2000));
        // Live pages swap in a fresh copy of their content instead of reloading, so leaving the page is never raced.
        const live = document.querySelector("[data-reload]");
        if (live) setInterval(async () => {
          if (document.querySelector("details[open]") || document.activeElement?.tagName === "INPUT") return;
          const response = await fetch(location.href, { headers: { "Accept": "text/html" } }).catch(() => null);
          if (!response?.ok) return;
          const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("main");
          if (fresh) document.querySelector("main").innerHTML = fresh.innerHTML;
        }, +live.dataset.reload);
        document.addEventListener("click", async e => {
          const button = e.target.closest("button[data-post]");
          if (!button) return;
          if (button.dataset.confirm && !confirm(button.dataset.confirm)) return;
          button.disabled = true;
          try {
            const response = await fetch(button.dataset.post, { method: "POST" });
            const body = await response.json().catch(() => ({}));
            toast(body.message || (response.ok ? "Done" : "Failed: " + response.status));
          } finally {
            button.disabled = false;
            document.querySelectorAll("[data-refresh]").forEach(el => refresh(el).catch(() => {}));
          }
        });
        document.querySelectorAll("select[data-navigate]").forEach(s =>
          s.addEventListener("change", () => { if (s.value) location.href = s.dataset.navigate + encodeURIComponent(s.value); }));

        const consoleView = document.querySelector("[data-console-stream]");
        if (consoleView) {
          const search = document.querySelector("[data-console-search]");
          const count = document.querySelector("[data-console-count]");
          const matches = line => !search.value || line.dataset.text.toLowerCase().includes(search.value.toLowerCase());
          const render = line => {
            const text = line.dataset.text, q = search.value;
            line.classList.toggle("hidden", !matches(line));
            if (!q) { line.textContent = text + "\n"; return; }
            line.textContent = "";
            const lower = text.toLowerCase(), needle = q.toLowerCase();
            let at = 0, i;
            while ((i = lower.indexOf(needle, at)) >= 0) {
              line.append(text.slice(at, i));
              const mark = document.createElement("mark"); mark.textContent = text.slice(i, i + q.length); line.append(mark);
              at = i + q.length;
            }
            line.append(text.slice(at) + "\n");
          };
          const updateCount = () => {
            const all = consoleView.children.length, shown = consoleView.querySelectorAll(".line:not(.hidden)").length;
            count.textContent = search.value ? `${shown} of ${all} lines match` : `${all} lines`;
          };
          search.addEventListener("input", () => { for (const line of consoleView.children) render(line); updateCount(); });
          search.form.addEventListener("submit", e => e.preventDefault());
          const source = new EventSource(consoleView.dataset.consoleStream);
          source.onmessage = e => {
            const entry = JSON.parse(e.data);
            const follow = consoleView.scrollTop + consoleView.clientHeight >= consoleView.scrollHeight - 30;
            const line = document.createElement("span");
            line.className = "line" + (entry.isError ? " err" : "");
            line.dataset.text = entry.text;
            render(line);
            consoleView.appendChild(line);
            while (consoleView.children.length > 5000) consoleView.firstChild.remove();
            updateCount();
            if (follow) consoleView.scrollTop = consoleView.scrollHeight;
          };
        }
        """;
}
