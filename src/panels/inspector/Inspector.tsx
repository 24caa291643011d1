import { useState } from 'react';
import { useText } from '../../app/language';
import { moveNodesToContainer, setEdgeProp, setNodeProp, renameNode } from '../../model/edit';
import { edgeLabel } from '../../canvas/flowState';
import { KindIcon } from '../../canvas/icons';
import { useConnectionWords } from '../../app/connectionWords';
import { canConnect } from '../../model/connections';
import { hasContainer, replicasOf, setReplicas } from '../../model/containers';
import { MAX_REPLICAS, MIN_REPLICAS, type BalanceMethod, type PassDirective } from '../../model/design';
import { checkContainerName, checkRoute } from '../../model/fields';
import { KINDS, isApp, isClient, isProxy, isWsgiServer } from '../../nodes/registry';
import type { PropSpec, PropValue } from '../../nodes/types';
import { useAppStore } from '../../store';
import { Field, PropField, TextField } from './fields';

function NodeIdField({ id }: { id: string }) {
  const text = useText().inspector;
  const [typed, setTyped] = useState(id);
  const [shownId, setShownId] = useState(id);
  const [problem, setProblem] = useState<string | null>(null);
  if (shownId !== id) {
    setShownId(id);
    setTyped(id);
    setProblem(null);
  }
  const apply = () => {
    if (typed === id) return setProblem(null);
    const { design, commit, select } = useAppStore.getState();
    const result = renameNode(design, id, typed);
    if (typeof result === 'string') return setProblem(result);
    commit(() => result);
    select({ nodes: [typed] });
  };
  return (
    <Field label={text.id} doc={text.idDoc} error={problem} inputId="node-id">
      <input
        id="node-id"
        data-testid="node-id"
        spellCheck={false}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
          if (event.key === 'Escape') setTyped(id);
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
  const kindText = useAppStore((state) => (node ? state.catalogue.kinds?.[node.kind] : undefined));
  const text = useText().inspector;
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
          <span className="inspector-role">{kindText?.role ?? descriptor.role}</span>
        </span>
      </header>
      <NodeIdField key={id} id={id} />
      {!isClient(node) && (
        <TextField
          key={`${id}:container`}
          label={text.container}
          doc={text.containerDoc}
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
            text={kindText?.props[name]}
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
  const text = useText().inspector;
  const connectionWords = useConnectionWords();
  const lang = useAppStore((state) => state.catalogue.lang);
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
            {edgeLabel(edge, source, target, lang)} ·{' '}
            {verdict.allowed ? connectionWords?.meaning(verdict.meaning) : connectionWords?.refusal(verdict)}
          </span>
        </span>
      </header>
      {edge.props.route !== undefined && (
        <TextField
          key={`${id}:route`}
          label={text.route}
          doc={text.routeDoc}
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
        <Field label={text.pass} inputId="edge-pass" doc={text.passDoc}>
          <select
            id="edge-pass"
            data-testid="prop-pass"
            value={edge.props.pass}
            onChange={(event) =>
              commit((design) => setEdgeProp(design, id, 'pass', event.target.value as PassDirective))
            }
          >
            <option value="uwsgi_pass">{text.passUwsgi}</option>
            <option value="proxy_pass">{text.passProxy}</option>
          </select>
        </Field>
      )}
      {balances && (
        <Field
          label={text.balance}
          inputId="edge-balance"
          doc={text.balanceDoc({ replicas: targetReplicas })}
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
        <p className="muted">{text.noSettings}</p>
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
  const words = useText().inspector;
  const [text, setText] = useState(String(replicas));
  const [shown, setShown] = useState(replicas);
  if (shown !== replicas) {
    // Changed from outside (undo): show the stored value unless the box already means it.
    setShown(replicas);
    if (Number(text) !== replicas) setText(String(replicas));
  }
  const whole = /^\s*\d+\s*$/.test(text);
  const range = { min: MIN_REPLICAS, max: MAX_REPLICAS };
  const problem = !whole
    ? words.replicasNotWhole(range)
    : replicas < MIN_REPLICAS || replicas > MAX_REPLICAS
      ? words.replicasRange(range)
      : null;
  return (
    <div className="inspector-form" data-container={name}>
      <header className="inspector-head">
        <span>
          <strong>{words.service({ name })}</strong>
          <span className="inspector-role">{words.serviceRole({ members })}</span>
        </span>
      </header>
      <Field
        label={words.replicas}
        inputId="container-replicas"
        error={problem}
        doc={words.replicasDoc(range)}
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
  const text = useText().inspector;
  let body;
  if (container !== null && containerExists && nodeIds.length + edgeIds.length === 0)
    body = <ContainerForm key={container} name={container} />;
  else if (nodeIds.length === 1 && edgeIds.length === 0)
    body = <NodeForm key={nodeIds[0]} id={nodeIds[0]!} />;
  else if (edgeIds.length === 1 && nodeIds.length === 0)
    body = <EdgeForm key={edgeIds[0]} id={edgeIds[0]!} />;
  else if (nodeIds.length + edgeIds.length > 1)
    body = <p className="muted">{text.manySelected({ nodes: nodeIds.length, edges: edgeIds.length })}</p>;
  else body = <p className="muted">{text.hint}</p>;
  return (
    <section className="inspector" aria-label={text.title} data-testid="inspector">
      <h2 className="panel-title">{text.title}</h2>
      {body}
    </section>
  );
}
