package dev.dbtool.cli;

/**
 * The page {@code dbtool dev} serves at {@code /}: GraphiQL (loaded by the browser from unpkg.com) over the API, under
 * a bar that shows the last build's state — the errors of a failed one, with their {@code file:line:col} — and reloads
 * GraphiQL's schema after each successful one. Development only: the generated server never serves it.
 */
final class DevPage {
    private DevPage() {}

    static final String HTML = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>dbtool dev</title>
              <link rel="stylesheet" href="https://unpkg.com/graphiql@3.8.3/graphiql.min.css">
              <style>
                html, body { height: 100%; margin: 0; }
                body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
                #status { font: 13px/1.4 ui-monospace, monospace; padding: 6px 10px; white-space: pre-wrap; max-height: 40vh; overflow: auto; }
                #status.ok { background: #e7f5ea; color: #14532d; }
                #status.error { background: #fde8e8; color: #7f1d1d; }
                #graphiql { flex: 1; min-height: 0; }
              </style>
            </head>
            <body>
              <div id="status">dbtool dev: waiting for the first build…</div>
              <div id="graphiql"></div>
              <script src="https://unpkg.com/react@18.3.1/umd/react.production.min.js"></script>
              <script src="https://unpkg.com/react-dom@18.3.1/umd/react-dom.production.min.js"></script>
              <script src="https://unpkg.com/graphiql@3.8.3/graphiql.min.js"></script>
              <script>
                const status = document.getElementById('status');
                let shown = -1, root = null;
                function render(build) {
                  if (!window.GraphiQL || !window.React) return;
                  root = root || ReactDOM.createRoot(document.getElementById('graphiql'));
                  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
                  root.render(React.createElement(GraphiQL, { fetcher, key: 'build-' + build }));
                }
                async function poll() {
                  try {
                    const s = await (await fetch('/dev/status', { cache: 'no-store' })).json();
                    status.className = s.ok ? 'ok' : 'error';
                    status.textContent = s.ok ? 'dbtool dev: build ' + s.build + ' is serving (' + s.at + ')'
                      : 'dbtool dev: the last change did not build (' + s.step + ')' + (s.serving ? '; build ' + s.build + ' still serves' : '') + '\\n\\n' + s.message;
                    if (s.serving && s.build !== shown) { shown = s.build; render(s.build); }
                  } catch (e) {
                    status.className = 'error';
                    status.textContent = 'dbtool dev is not running';
                  }
                  setTimeout(poll, 1000);
                }
                poll();
              </script>
            </body>
            </html>
            """;
}
