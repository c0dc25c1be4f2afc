// GraphiQL 5 for pledgegraph, bundled whole (editor workers, fonts, styles)
// so that it works with no network beyond the pledgegraph server itself.
//
// URL parameters: ?query=…&variables=… open a tab with that query (the
// explorer links here with the query behind what it shows).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/react/font/roboto.css';
import '@graphiql/react/font/fira-code.css';
import './graphiql.css';

import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { fetcher } from './fetcher.js';

const DEFAULT_QUERY = `# pledgegraph: who said what, who promised what to whom.
# Ctrl-Enter runs the query; the Docs button (book icon) explains every field.

query Actor($name: String! = "Zelenskyy") {
  actor(name: $name) {
    name
    kind
    title
    country { name }
    statements(first: 5) {
      totalCount
      edges { node { kind text document { title } } }
    }
    commitments(first: 5) {
      totalCount
      edges { node { action polarity modality condition target { name } } }
    }
  }
}
`;

const params = new URLSearchParams(window.location.search);

function Logo() {
  return h(GraphiQL.Logo, null,
    h('a', { href: '/', className: 'pg-logo', title: 'Back to the graph explorer' }, 'pledgegraph'));
}

const root = createRoot(document.getElementById('graphiql'));
root.render(
  h(GraphiQL, {
    fetcher: fetcher('/graphql'),
    defaultQuery: DEFAULT_QUERY,
    initialQuery: params.get('query') ?? undefined,
    initialVariables: params.get('variables') ?? undefined,
    defaultEditorToolsVisibility: params.has('variables') ? 'variables' : undefined,
  }, h(Logo)),
);
