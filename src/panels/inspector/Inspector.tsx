import { useState } from 'react';
import { moveNodesToContainer, setEdgeProp, setNodeProp, renameNode } from '../../model/edit';
import { edgeLabel } from '../../canvas/flowState';
import { KindIcon } from '../../canvas/icons';
import { canConnect } from '../../model/connections';
import { hasContainer, replicasOf, setReplicas } from '../../model/containers';
import { MAX_REPLICAS, MIN_REPLICAS, type BalanceMethod, type PassDirective } from '../../model/design';
import { checkContainerName, checkRoute } from '../../model/fields';
import { KINDS, isApp, isClient, isProxy, isWsgiServer } from '../../nodes/registry';
import type { PropSpec, PropValue } from '../../nodes/types';
import { useAppStore } from '../../store';
import { Field, PropField, TextField } from './fields';

function NodeIdField({ id }: { id: string }) {
  const [text, setText] = useState(id);
  const [shownId, setShownId] = useState(id);
  const [problem, setProblem] = useState<string | null>(null);
  if (shownId !== id) {
    setShownId(id);
    setText(id);
    setProblem(null);
  }
  const apply = () => {
    if (text === id) return setProblem(null);
    const { design, commit, select } = useAppStore.getState();
    const result = renameNode(design, id, text);
    if (typeof result === 'string') return setProblem(result);
    commit(() => result);
    select({ nodes: [text] });
  };
  return (
    <Field
      label="Id"
      doc="The node's name in the design and the generated files. Press Enter to rename."
      error={problem}
      inputId="node-id"
    >
      <input
        id="node-id"
        data-testid="node-id"
        spellCheck={false}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
          if (event.key === 'Escape') setText(id);
        }}
        onBlur={apply}
      />
    </Field>
  );
}

function NodeForm({ id }: { id: string }) {
  const node = useAppStore((state) => state.design.nodes.find((n) => n.id === id));
  const commit = useAppStore((state) => state.commit);
  const breakCoalesce = useAppStore((state) => state.breakCoalesce);
  if (!node) return null;
  const descriptor = KINDS[node.kind];
  const props = node.props as unknown as Record<string, PropValue>;
  return (
    <div className="inspector-form" data-node-id={id}>
      <header className={`inspector-head node-${descriptor.category}`}>
        <span className="node-icon">
          <KindIcon icon={descriptor.icon} />
        </span>
        <span>
          <strong>{descriptor.label}</strong>
          <span className="inspector-role">{descriptor.role}</span>
        </span>
      </header>
      <NodeIdField key={id} id={id} />
      {!isClient(node) && (
        <TextField
          key={`${id}:container`}
          label="Container (Compose service)"
          doc="The Docker Compose service this runs in. Nodes with the same container share a frame on the canvas."
          value={node.container ?? ''}
          testId="prop-container"
          check={checkContainerName}
          onChange={(value) =>
            commit((design) => moveNodesToContainer(design, [id], value), { coalesce: `container:${id}` })
          }
          onDone={breakCoalesce}
        />
      )}
      {(Object.entries(descriptor.props) as [string, PropSpec][])
        .filter(([, spec]) => spec.appliesWhen?.(props) ?? true)
        .map(([name, spec]) => (
          <PropField
            key={`${id}:${name}`}
            name={name}
            spec={spec}
            value={props[name]!}
            onChange={(value) =>
              commit((design) => setNodeProp(design, id, name, value), {
                coalesce: spec.type === 'boolean' || spec.type === 'enum' ? undefined : `prop:${id}:${name}`,
              })
            }
            onDone={breakCoalesce}
          />
        ))}
    </div>
  );
}

function EdgeForm({ id }: { id: string }) {
  const edge = useAppStore((state) => state.design.edges.find((e) => e.id === id));
  const source = useAppStore((state) => state.design.nodes.find((n) => n.id === edge?.source));
  const target = useAppStore((state) => state.design.nodes.find((n) => n.id === edge?.target));
  const commit = useAppStore((state) => state.commit);
  const breakCoalesce = useAppStore((state) => state.breakCoalesce);
  const targetReplicas = useAppStore((state) =>
    target?.container === undefined ? 1 : replicasOf(state.design, target.container),
  );
  if (!edge || !source || !target) return null;
  const verdict = canConnect(source.kind, target.kind);
  // Shown on every nginx edge to an app server, so the method can be chosen before raising replicas.
  const balances = isProxy(source) && (isWsgiServer(target) || isApp(target));
  return (
    <div className="inspector-form" data-edge-id={id}>
      <header className="inspector-head">
        <span>
          <strong>
            {source.id} → {target.id}
          </strong>
          <span className="inspector-role">
            {edgeLabel(edge, source, target)} · {verdict.allowed ? verdict.meaning : verdict.reason}
          </span>
        </span>
      </header>
      {edge.props.route !== undefined && (
        <TextField
          key={`${id}:route`}
          label="Route"
          doc="The location prefix nginx sends to this target (a `location` block). Each route of one nginx must be different."
          value={edge.props.route}
          testId="prop-route"
          check={checkRoute}
          onChange={(value) =>
            commit((design) => setEdgeProp(design, id, 'route', value), { coalesce: `route:${id}` })
          }
          onDone={breakCoalesce}
        />
      )}
      {edge.props.pass !== undefined && (
        <Field
          label="Pass directive"
          inputId="edge-pass"
          doc="uwsgi_pass speaks the uwsgi protocol (uWSGI `socket`); proxy_pass speaks HTTP (uWSGI `http-socket`). A mismatch makes nginx answer 502."
        >
          <select
            id="edge-pass"
            data-testid="prop-pass"
            value={edge.props.pass}
            onChange={(event) =>
              commit((design) => setEdgeProp(design, id, 'pass', event.target.value as PassDirective))
            }
          >
            <option value="uwsgi_pass">uwsgi_pass (uwsgi protocol)</option>
            <option value="proxy_pass">proxy_pass (HTTP)</option>
          </select>
        </Field>
      )}
      {balances && (
        <Field
          label="Load balancing"
          inputId="edge-balance"
          doc={`How nginx spreads requests over the copies of the target's container (${targetReplicas === 1 ? 'it runs 1 copy now: set its replicas above 1 to balance' : `${targetReplicas} copies`}). round-robin takes turns; least-conn picks the copy with the fewest requests in progress; ip-hash keeps each client on one copy.`}
        >
          <select
            id="edge-balance"
            data-testid="prop-balance"
            value={edge.props.balance ?? 'round-robin'}
            onChange={(event) =>
              commit((design) => setEdgeProp(design, id, 'balance', event.target.value as BalanceMethod))
            }
          >
            <option value="round-robin">round-robin</option>
            <option value="least-conn">least-conn</option>
            <option value="ip-hash">ip-hash</option>
          </select>
        </Field>
      )}
      {edge.props.route === undefined && edge.props.pass === undefined && !balances && (
        <p className="muted">This connection has no settings.</p>
      )}
    </div>
  );
}

/** A selected frame: its container's settings. */
function ContainerForm({ name }: { name: string }) {
  const replicas = useAppStore((state) => replicasOf(state.design, name));
  const members = useAppStore((state) => state.design.nodes.filter((n) => n.container === name).length);
  const commit = useAppStore((state) => state.commit);
  const breakCoalesce = useAppStore((state) => state.breakCoalesce);
  const [text, setText] = useState(String(replicas));
  const [shown, setShown] = useState(replicas);
  if (shown !== replicas) {
    // Changed from outside (undo): show the stored value unless the box already means it.
    setShown(replicas);
    if (Number(text) !== replicas) setText(String(replicas));
  }
  const whole = /^\s*\d+\s*$/.test(text);
  const problem = !whole
    ? `use a whole number from ${MIN_REPLICAS} to ${MAX_REPLICAS}`
    : replicas < MIN_REPLICAS || replicas > MAX_REPLICAS
      ? `a service runs ${MIN_REPLICAS} to ${MAX_REPLICAS} copies`
      : null;
  return (
    <div className="inspector-form" data-container={name}>
      <header className="inspector-head">
        <span>
          <strong>Service {name}</strong>
          <span className="inspector-role">
            A Docker Compose service (a frame on the canvas) holding {members} node{members === 1 ? '' : 's'}.
          </span>
        </span>
      </header>
      <Field
        label="Replicas"
        inputId="container-replicas"
        error={problem}
        doc={`How many copies of this service run (${MIN_REPLICAS}–${MAX_REPLICAS}); nginx balances requests across them.`}
      >
        <input
          id="container-replicas"
          data-testid="container-replicas"
          type="number"
          min={MIN_REPLICAS}
          max={MAX_REPLICAS}
          step={1}
          aria-invalid={problem !== null}
          value={text}
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            if (!/^\s*\d+\s*$/.test(next)) return;
            setShown(Number(next));
            commit((design) => setReplicas(design, name, Number(next)), { coalesce: `replicas:${name}` });
          }}
          onBlur={breakCoalesce}
        />
      </Field>
    </div>
  );
}

/** The form for what is selected: a node's props, an edge's route and pass, a frame's settings, or a hint. */
export function Inspector() {
  const nodeIds = useAppStore((state) => state.selectedNodeIds);
  const edgeIds = useAppStore((state) => state.selectedEdgeIds);
  const container = useAppStore((state) => state.selectedContainer);
  const containerExists = useAppStore((state) => container !== null && hasContainer(state.design, container));
  let body;
  if (container !== null && containerExists && nodeIds.length + edgeIds.length === 0)
    body = <ContainerForm key={container} name={container} />;
  else if (nodeIds.length === 1 && edgeIds.length === 0)
    body = <NodeForm key={nodeIds[0]} id={nodeIds[0]!} />;
  else if (edgeIds.length === 1 && nodeIds.length === 0)
    body = <EdgeForm key={edgeIds[0]} id={edgeIds[0]!} />;
  else if (nodeIds.length + edgeIds.length > 1)
    body = (
      <p className="muted">
        {nodeIds.length} nodes and {edgeIds.length} connections selected. Ctrl+C copies, Ctrl+D duplicates,
        Delete removes them.
      </p>
    );
  else
    body = (
      <p className="muted">
        Select a node or a connection to edit its settings. Drag from a node’s right handle to another node’s
        left handle to connect them.
      </p>
    );
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <h2 className="panel-title">Inspector</h2>
      {body}
    </section>
  );
}
