// The Netweave console: the manager's /api/v1 drawn as an operator reads it. Plain JavaScript,
// no build step; everything comes from the API this page is served beside.
'use strict';

const API = '/api/v1';
const SVG = 'http://www.w3.org/2000/svg';
const REFRESH_MS = 2000;

// The API wants a bearer token. Open the page as /ui/#token=<token>: the fragment never reaches a
// server or its logs; the token is kept for this tab only and taken out of the address bar.
const TOKEN_KEY = 'netweave.token';
const tokenInUrl = location.hash.match(/token=([^&]+)/);
if (tokenInUrl) {
  sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(tokenInUrl[1]));
  history.replaceState(null, '', location.pathname + location.search);
}

function withToken(headers = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { ...headers, Authorization: `Bearer ${token}` } : headers;
}

async function get(path) {
  const response = await fetch(API + path, { headers: withToken() });
  if (response.status === 401) throw new Error(`${path}: the API wants a token; open this page as /ui/#token=<token>`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : String(c));
  return node;
}

function table(node, header, rows) {
  node.replaceChildren(el('tr', {}, ...header.map(h => el('th', {}, h))),
    ...rows.map(r => el('tr', {}, ...r.map(c => el('td', {}, c ?? '-')))));
}

function realized(r) {
  const state = r?.state ?? '-';
  return el('span', { class: state === 'REALIZED' ? 'ok' : 'warn' }, state);
}

// ---- topology ----

function drawTopology(svg, clusters, hosts, vms, dlrs) {
  const hostW = 230, gap = 20, top = 30;
  const byCluster = clusters.map(c => ({ cluster: c, hosts: hosts.filter(h => h.clusterId === c.id) }));
  const ordered = byCluster.flatMap(g => g.hosts);
  const rows = Math.max(1, ...ordered.map(h => vms.filter(v => v.hostId === h.id).length));
  const hostH = 70 + rows * 34;
  const width = Math.max(600, ordered.length * (hostW + gap) + gap);
  const height = top + hostH + (dlrs.length ? 30 + dlrs.length * 44 : 0) + 10;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('height', height);
  svg.replaceChildren();
  let x = gap;
  const hostX = new Map();
  for (const group of byCluster) {
    if (group.hosts.length === 0) continue;
    svg.append(el('svg:text', { x, y: 16 }, `${group.cluster.name} (${group.cluster.id})`));
    for (const h of group.hosts) {
      hostX.set(h.id, x);
      const g = el('svg:g', { 'data-host': h.id });
      g.append(el('svg:rect', { class: 'host', x, y: top, width: hostW, height: hostH, rx: 6 }));
      g.append(el('svg:text', { x: x + 8, y: top + 18 }, `${h.name} · ${h.id}`));
      g.append(el('svg:text', { x: x + 8, y: top + 34 }, `VTEP ${h.vtepIp ?? '-'}`));
      g.append(el('svg:text', { x: x + 8, y: top + 50 }, `router MAC ${h.routerMac ?? '-'}`));
      vms.filter(v => v.hostId === h.id).forEach((vm, i) => {
        const y = top + 60 + i * 34;
        const vnic = vm.vnics[0];
        const vmg = el('svg:g', { 'data-vm': vm.name });
        vmg.append(el('svg:rect', { class: vm.kind === 'CONTROL_VM' ? 'cvm' : 'vm', x: x + 8, y, width: hostW - 16, height: 28, rx: 4 }));
        vmg.append(el('svg:text', { x: x + 14, y: y + 18 },
          vm.kind === 'CONTROL_VM' ? `${vm.name} (control VM of ${vm.dlrId})` : `${vm.name} ${vnic?.ip ?? ''}`));
        g.append(vmg);
      });
      svg.append(g);
      x += hostW + gap;
    }
  }
  dlrs.forEach((dlr, i) => {
    const y = top + hostH + 20 + i * 44;
    const g = el('svg:g', { 'data-dlr': dlr.id });
    g.append(el('svg:rect', { class: 'dlr', x: gap, y, width: x - 2 * gap, height: 34, rx: 6 }));
    const lifs = (dlr.interfaces ?? []).map(l => `${l.name} ${l.address}${l.vni ? ' (VNI ' + l.vni + ')' : ''}`).join(' · ');
    g.append(el('svg:text', { x: gap + 10, y: y + 21 },
      `DLR ${dlr.id} ${dlr.state} · owner ${dlr.controllerId ?? '-'} · ${lifs}`));
    svg.append(g);
  });
}

// ---- tables ----

async function drawSwitches(node, switches) {
  const owners = await Promise.all(switches.map(s => get(`/logical-switches/vni/${s.vni}/controller`).catch(() => ({}))));
  table(node, ['VNI', 'Name', 'Replication', 'Owner', 'VTEPs', 'Realized'], switches.map((s, i) =>
    [s.vni, s.name, s.replicationMode, owners[i].controllerId, owners[i].vteps, realized(s.realization)]));
}

function drawDlrs(node, dlrs) {
  node.replaceChildren(...dlrs.map(d => {
    const lifs = el('table');
    table(lifs, ['LIF', 'Type', 'Switch/VLAN', 'Address', 'MAC'], (d.interfaces ?? []).map(l =>
      [l.name, l.type, l.logicalSwitchId ?? `VLAN ${l.vlan}`, l.address, l.mac]));
    const routes = (d.staticRoutes ?? []).map(r => `${r.network} via ${r.nextHop}`);
    if (d.defaultRoute) routes.push(`default via ${d.defaultRoute.nextHop}`);
    const bridges = (d.bridges ?? []).map(b => `${b.name}: VNI ${b.vni} ↔ VLAN ${b.vlan}`);
    return el('div', { 'data-dlr': d.id },
      el('p', {}, el('strong', {}, d.id), ` ${d.state} · owner ${d.controllerId ?? '-'} · `, realized(d.realization)),
      lifs,
      el('p', {}, 'Routes: ', routes.length ? routes.join(', ') : 'connected only'),
      el('p', {}, 'Bridges: ', bridges.length ? bridges.join(', ') : 'none'));
  }));
}

function drawControllers(node, controllers) {
  table(node, ['Node', 'Status', 'Majority', 'Master of', 'Slices (switch/logical)', 'Host sessions'], controllers.map(c => {
    const rt = c.runtime ?? {};
    const slices = rt.assignedSlices ? `${rt.assignedSlices.switch_manager ?? 0} / ${rt.assignedSlices.logical_manager ?? 0}` : '-';
    return [c.id, el('span', { class: rt.up ? 'ok' : 'bad' }, c.status), rt.majorityStatus, (rt.masterOf ?? []).join(', '),
      slices, rt.hostSessions];
  }));
}

function drawJobs(node, jobs) {
  node.replaceChildren(...jobs.slice(-8).reverse().map(j => {
    const steps = el('table');
    table(steps, ['#', 'Step', 'State', 'Detail'], j.steps.map(s => [s.index, s.name, s.state, s.detail]));
    return el('details', {}, el('summary', {}, `${j.id} ${j.kind} ${j.subjectId ?? ''} — `,
      el('span', { class: j.state === 'SUCCEEDED' ? 'ok' : j.state === 'FAILED' ? 'bad' : 'warn' }, j.state)), steps);
  }));
}

// ---- traceflow ----

function fillSources(select, vms) {
  const current = select.value;
  const options = vms.filter(v => v.kind === 'WORKLOAD').flatMap(v => v.vnics.map(n => {
    const id = `${v.id}.${String(n.index).padStart(3, '0')}`;
    return el('option', { value: id }, `${v.name} (${id}) ${n.ip ?? ''}`);
  }));
  select.replaceChildren(...options);
  if (current) select.value = current;
}

function drawPath(svg, trace) {
  const hosts = [...new Set(trace.observations.map(o => o.host))];
  const boxW = 190, boxH = 46, laneH = boxH + 30, gap = 18, left = 90;
  const place = trace.observations.map(o => {
    const column = trace.observations.indexOf(o);
    return { o, x: left + column * (boxW + gap), y: 10 + hosts.indexOf(o.host) * laneH };
  });
  const width = left + trace.observations.length * (boxW + gap);
  const height = 10 + hosts.length * laneH;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('height', height);
  svg.replaceChildren(el('svg:defs', {}, el('svg:marker', { id: 'arrowhead', markerWidth: 8, markerHeight: 8, refX: 8, refY: 4,
    orient: 'auto' }, el('svg:path', { d: 'M0,0 L8,4 L0,8 z', fill: '#5b6875' }))));
  hosts.forEach((h, i) => {
    svg.append(el('svg:rect', { class: 'lane', x: 0, y: 4 + i * laneH, width, height: laneH - 8 }));
    svg.append(el('svg:text', { x: 6, y: 4 + i * laneH + laneH / 2 }, h));
  });
  place.forEach((p, i) => {
    const kind = p.o.kind === 'DROPPED' ? 'hop dropped' : p.o.kind === 'DELIVERED' ? 'hop delivered' : 'hop';
    const g = el('svg:g', { 'data-hop': p.o.hop });
    g.append(el('svg:rect', { class: kind, x: p.x, y: p.y + 6, width: boxW, height: boxH, rx: 5 }));
    g.append(el('svg:text', { x: p.x + 6, y: p.y + 24 }, `${p.o.hop}. ${p.o.kind}`));
    g.append(el('svg:text', { x: p.x + 6, y: p.y + 42 },
      `${p.o.component} ${p.o.componentName}${p.o.dropReason ? ' ' + p.o.dropReason : ''}`));
    svg.append(g);
    if (i > 0) {
      const prev = place[i - 1];
      svg.append(el('svg:line', { class: 'arrow', x1: prev.x + boxW, y1: prev.y + 6 + boxH / 2, x2: p.x, y2: p.y + 6 + boxH / 2 }));
    }
  });
}

let traceRun = 0;

async function runTraceflow(event) {
  event.preventDefault();
  const run = ++traceRun;
  const button = document.querySelector('[data-testid=tf-run]');
  const result = document.getElementById('tf-result');
  button.disabled = true;
  try {
    await trace(run, result);
  } catch (e) {
    if (run === traceRun) result.textContent = `traceflow failed: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}

async function trace(run, result) {
  const packet = { dstIp: document.getElementById('tf-dst').value, protocol: document.getElementById('tf-proto').value };
  const port = document.getElementById('tf-port').value;
  if (port) packet.dstPort = Number(port);
  result.textContent = 'tracing…';
  const response = await fetch(API + '/traceflows', { method: 'POST', headers: withToken({ 'Content-Type': 'application/json' }),
    body: JSON.stringify({ source: document.getElementById('tf-source').value, packet }) });
  let trace = await response.json();
  if (!response.ok) {
    result.textContent = `refused: ${trace.field ?? ''} ${trace.message}`;
    return;
  }
  while (trace.state !== 'COMPLETE') {
    await new Promise(resolve => setTimeout(resolve, 150));
    trace = await get(`/traceflows/${trace.id}`);
  }
  if (run !== traceRun) return; // a newer trace was started meanwhile: it owns the result
  result.replaceChildren(el('strong', { 'data-testid': 'tf-verdict', class: trace.result === 'DELIVERED' ? 'ok' : 'bad' },
    trace.result), ` ${trace.id}: ${trace.resultSummary}`);
  drawPath(document.getElementById('tf-path'), trace);
  table(document.getElementById('tf-hops'), ['Hop', 'Host', 'Component', 'Name', 'Observation', 'VNI', 'LIF', 'Detail'],
    trace.observations.map(o => [o.hop, o.host, o.component, o.componentName, o.kind, o.vni, o.lif,
      o.dropReason ?? o.decidedBy]));
}

// ---- refresh ----

async function refresh() {
  const status = document.getElementById('status');
  try {
    const [clusters, hosts, vms, switches, summaries, controllers, jobs] = await Promise.all([
      get('/clusters'), get('/hosts'), get('/vms'), get('/logical-switches'), get('/dlrs'), get('/controllers'), get('/jobs')]);
    const dlrs = await Promise.all(summaries.map(d => get(`/dlrs/${d.id}`)));
    drawTopology(document.getElementById('topology'), clusters, hosts, vms, dlrs);
    await drawSwitches(document.getElementById('switches'), switches);
    drawDlrs(document.getElementById('dlrs'), dlrs);
    drawControllers(document.getElementById('controllers'), controllers);
    drawJobs(document.getElementById('jobs'), jobs);
    fillSources(document.getElementById('tf-source'), vms);
    status.textContent = `live · ${hosts.length} hosts · ${vms.length} VMs · updated ${new Date().toLocaleTimeString()}`;
    status.dataset.loaded = 'true';
  } catch (e) {
    status.textContent = `cannot reach the manager: ${e.message}`;
  }
}

// The next refresh is scheduled when this one ends, so refreshes never overlap and an older
// answer never draws over a newer one.
async function refreshLoop() {
  await refresh();
  setTimeout(refreshLoop, REFRESH_MS);
}

document.getElementById('traceflow-form').addEventListener('submit', runTraceflow);
refreshLoop();
