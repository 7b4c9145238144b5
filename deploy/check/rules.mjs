// What the API schemas cannot see: whether the objects fit together, and the rules the deployment is built on.
import fs from "node:fs";
import path from "node:path";

const KUSTOMIZATION_FIELDS = new Set(["apiVersion", "kind", "namespace", "namePrefix", "nameSuffix", "labels", "commonLabels",
  "commonAnnotations", "resources", "components", "images", "replicas", "patches", "configMapGenerator", "secretGenerator",
  "generatorOptions"]);
const PROBES = ["startupProbe", "readinessProbe", "livenessProbe"];
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^(?=.{1,63}$)[a-z]([-a-z0-9]*[a-z0-9])?$/;

export function pathText(at) {
  return at.reduce((text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${part}` : part), "");
}

export function crossCheck({ dir, objects, kustomization, files, docs, docsFile, report }) {
  const defaultNamespace = kustomization?.value?.namespace ?? "default";
  const ns = o => o.value.metadata?.namespace ?? defaultNamespace;
  const name = o => o.value.metadata?.name;
  const fail = (o, at, message) => report(o.file, o.line(at), `${o.value.kind}/${name(o)}: ${message}`);
  const ofKind = kind => objects.filter(o => o.value.kind === kind);

  const deployments = ofKind("Deployment").map(o => ({
    o, ns: ns(o), name: name(o),
    labels: o.value.spec?.template?.metadata?.labels ?? {},
    pod: o.value.spec?.template?.spec ?? {},
  }));
  const services = ofKind("Service");
  const configMaps = new Map(ofKind("ConfigMap").map(o => [`${ns(o)}/${name(o)}`, o]));
  const secrets = new Map(ofKind("Secret").map(o => [`${ns(o)}/${name(o)}`, o]));
  const namespaceLabels = new Map(ofKind("Namespace").map(o => [name(o), { ...o.value.metadata?.labels, "kubernetes.io/metadata.name": name(o) }]));
  const labelsOfNamespace = n => namespaceLabels.get(n) ?? { "kubernetes.io/metadata.name": n };
  const operatorSecrets = documentedSecrets(docs);
  const usedSecrets = new Set();

  // --- kustomization.yaml: `kubectl apply -k` applies what it lists, and nothing else.
  if (kustomization) {
    const k = kustomization.value;
    const fail_ = (at, message) => report(kustomization.file, kustomization.line(at), `Kustomization: ${message}`);
    for (const key of Object.keys(k)) if (!KUSTOMIZATION_FIELDS.has(key)) fail_([key], `${key}: unknown field`);
    if (k.apiVersion !== "kustomize.config.k8s.io/v1beta1" || k.kind !== "Kustomization") {
      fail_(["kind"], "apiVersion/kind must be kustomize.config.k8s.io/v1beta1 Kustomization");
    }
    const listed = new Set();
    (k.resources ?? []).forEach((resource, i) => {
      const file = path.resolve(dir, String(resource));
      listed.add(file);
      if (!fs.existsSync(file)) fail_(["resources", i], `resources: ${resource} does not exist`);
    });
    for (const file of files) {
      if (file !== kustomization.file && !listed.has(file)) report(file, 0, "not in kustomization.yaml's resources: `kubectl apply -k` leaves it out");
    }
    const images = deployments.flatMap(d => containersOf(d.pod).map(c => imageName(c.image)));
    (k.images ?? []).forEach((image, i) => {
      if (!images.includes(image.name)) fail_(["images", i, "name"], `images: ${image.name} is the image of no container`);
    });
    if (k.images) {
      for (const d of deployments) {
        containersOf(d.pod).forEach((c, i) => {
          if (!k.images.some(image => image.name === imageName(c.image))) {
            fail(d.o, ["spec", "template", "spec", "containers", i, "image"], `image ${c.image} has no entry in kustomization.yaml's images, so its registry and tag stay unset`);
          }
        });
      }
    }
  }

  // --- Names: valid, and each object once.
  const seen = new Set();
  for (const o of objects) {
    const n = name(o);
    if (typeof n !== "string" || !(o.value.kind === "Service" ? DNS_LABEL : DNS_SUBDOMAIN).test(n)) {
      fail(o, ["metadata", "name"], `metadata.name must be a DNS-1123 ${o.value.kind === "Service" ? "label" : "name"}`);
    }
    const key = `${String(o.value.apiVersion).split("/").slice(0, -1).join("/")}/${o.value.kind}/${ns(o)}/${n}`;
    if (seen.has(key)) fail(o, ["metadata", "name"], "declared twice");
    seen.add(key);
    if (o.value.kind === "Secret" && (o.value.data || o.value.stringData)) {
      fail(o, [o.value.data ? "data" : "stringData"], "secret values do not belong in git: the operator creates this Secret (docs)");
    }
  }

  // --- References to ConfigMaps and Secrets: declared here, or created by the operator as the docs say.
  const configMapRef = (o, at, namespace, map, key, optional) => {
    const found = configMaps.get(`${namespace}/${map}`);
    if (!found) {
      if (!optional) fail(o, at, `ConfigMap ${map} is not declared`);
    } else if (key !== undefined && !(key in (found.value.data ?? {})) && !optional) {
      fail(o, at, `ConfigMap ${map} has no key ${key}`);
    }
  };
  const secretRef = (o, at, namespace, secret, keys) => {
    usedSecrets.add(secret);
    if (secrets.has(`${namespace}/${secret}`)) return;
    const documented = operatorSecrets.get(secret);
    if (!documented) {
      fail(o, at, `Secret ${secret} is neither declared here nor listed in ${docsFile} as created by the operator`);
      return;
    }
    for (const key of keys) {
      if (!documented.has(key)) fail(o, at, `Secret ${secret} has no key ${key} in ${docsFile}`);
    }
  };

  // --- Deployments: their pods, containers, probes, references and hardening.
  for (const d of deployments) {
    const { o, pod } = d;
    const base = ["spec", "template", "spec"];
    if (!matchesSelector(o.value.spec?.selector, d.labels)) fail(o, ["spec", "selector"], "spec.selector does not match the pod template's labels");
    if (pod.securityContext?.runAsNonRoot !== true) fail(o, [...base, "securityContext"], "pods must set securityContext.runAsNonRoot: true");
    const podSeccomp = pod.securityContext?.seccompProfile?.type;
    const volumes = new Map((pod.volumes ?? []).map((v, i) => [v.name, i]));
    const mounted = new Set();
    (pod.volumes ?? []).forEach((v, i) => {
      if (v.configMap) configMapRef(o, [...base, "volumes", i], d.ns, v.configMap.name, undefined, v.configMap.optional);
      if (v.secret) secretRef(o, [...base, "volumes", i], d.ns, v.secret.secretName, (v.secret.items ?? []).map(item => item.key));
    });
    const kinds = [["containers", pod.containers ?? []], ["initContainers", pod.initContainers ?? []]];
    for (const [list, containers] of kinds) {
      containers.forEach((c, ci) => {
        const at = [...base, list, ci];
        const ports = c.ports ?? [];
        const portNames = new Set();
        ports.forEach((p, pi) => {
          if (p.name && portNames.has(p.name)) fail(o, [...at, "ports", pi, "name"], `port name ${p.name} used twice`);
          if (p.name) portNames.add(p.name);
        });
        const declared = port => ports.some(p => p.containerPort === port || (p.name !== undefined && p.name === port));
        if (list === "containers") {
          for (const probe of PROBES) {
            if (!c[probe]) fail(o, at, `container ${c.name} has no ${probe}`);
          }
        }
        const handlers = [...PROBES.map(p => [p, c[p]]), ["lifecycle.preStop", c.lifecycle?.preStop], ["lifecycle.postStart", c.lifecycle?.postStart]];
        for (const [what, handler] of handlers) {
          const port = handler?.httpGet?.port ?? handler?.tcpSocket?.port ?? handler?.grpc?.port;
          if (port !== undefined && !declared(port)) {
            fail(o, [...at, ...what.split("."), handler.httpGet ? "httpGet" : handler.tcpSocket ? "tcpSocket" : "grpc", "port"],
              `${what} port ${port} is not a declared containerPort of container ${c.name}`);
          }
        }
        // Environment: valid names, each once, $(VAR) only of variables defined before it, references resolved.
        const defined = new Set();
        (c.envFrom ?? []).forEach((from, fi) => {
          if (from.configMapRef) {
            configMapRef(o, [...at, "envFrom", fi], d.ns, from.configMapRef.name, undefined, from.configMapRef.optional);
            const map = configMaps.get(`${d.ns}/${from.configMapRef.name}`);
            for (const key of Object.keys(map?.value.data ?? {})) {
              if (!ENV_NAME.test(key)) fail(map, ["data", key], `${key} is not a valid environment variable name`);
              defined.add(`${from.prefix ?? ""}${key}`);
            }
          }
          if (from.secretRef) secretRef(o, [...at, "envFrom", fi], d.ns, from.secretRef.name, []);
        });
        const names = new Set();
        (c.env ?? []).forEach((e, ei) => {
          const eat = [...at, "env", ei];
          if (!ENV_NAME.test(e.name)) fail(o, [...eat, "name"], `${e.name} is not a valid environment variable name`);
          if (names.has(e.name)) fail(o, [...eat, "name"], `${e.name} is set twice`);
          names.add(e.name);
          for (const [, ref] of String(e.value ?? "").matchAll(/(?<!\$)\$\(([^)]*)\)/g)) {
            if (!defined.has(ref)) fail(o, [...eat, "value"], `$(${ref}) refers to no variable defined before ${e.name}`);
          }
          const from = e.valueFrom;
          if (from?.configMapKeyRef) configMapRef(o, eat, d.ns, from.configMapKeyRef.name, from.configMapKeyRef.key, from.configMapKeyRef.optional);
          if (from?.secretKeyRef) secretRef(o, eat, d.ns, from.secretKeyRef.name, [from.secretKeyRef.key]);
          defined.add(e.name);
        });
        (c.volumeMounts ?? []).forEach((m, mi) => {
          if (!volumes.has(m.name)) fail(o, [...at, "volumeMounts", mi, "name"], `volumeMount ${m.name} names no volume of the pod`);
          mounted.add(m.name);
        });
        // Resources: both requests and limits, so the scheduler and the autoscaler work from real figures.
        for (const resource of ["cpu", "memory"]) {
          const request = c.resources?.requests?.[resource];
          const limit = c.resources?.limits?.[resource];
          if (request === undefined || limit === undefined) {
            fail(o, [...at, "resources"], `container ${c.name} needs both a ${resource} request and a ${resource} limit`);
          } else if (!(quantity(request) <= quantity(limit))) {
            fail(o, [...at, "resources"], `container ${c.name}'s ${resource} request ${request} exceeds its limit ${limit}`);
          }
        }
        // Hardening: the namespace enforces the "restricted" Pod Security Standard; say so before the cluster does.
        const sc = c.securityContext ?? {};
        if (sc.allowPrivilegeEscalation !== false) fail(o, [...at, "securityContext"], `container ${c.name} must set allowPrivilegeEscalation: false`);
        if (!(sc.capabilities?.drop ?? []).includes("ALL")) fail(o, [...at, "securityContext"], `container ${c.name} must drop ALL capabilities`);
        if (sc.readOnlyRootFilesystem !== true) fail(o, [...at, "securityContext"], `container ${c.name} must set readOnlyRootFilesystem: true (mount an emptyDir where it writes)`);
        if ((sc.seccompProfile?.type ?? podSeccomp) !== "RuntimeDefault" && sc.seccompProfile?.type !== "Localhost") {
          fail(o, [...at, "securityContext"], `container ${c.name} needs seccompProfile RuntimeDefault (pod or container)`);
        }
        if (sc.runAsNonRoot === false) fail(o, [...at, "securityContext"], `container ${c.name} must not set runAsNonRoot: false`);
        if (/:latest$/.test(c.image ?? "")) fail(o, [...at, "image"], `image ${c.image}: a moving tag cannot be rolled back`);
      });
    }
    for (const [volume, i] of volumes) {
      if (!mounted.has(volume)) fail(o, [...base, "volumes", i], `volume ${volume} is mounted by no container`);
    }
  }

  // --- Services: each selects pods, and sends to ports those pods declare.
  const podsOf = (namespace, selector) => deployments.filter(d => d.ns === namespace && matchesSelector(selector, d.labels));
  const serviceTargets = new Map();
  for (const s of services) {
    const selector = s.value.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) {
      fail(s, ["spec"], "has no selector: it would reach no pod of a Deployment here");
      continue;
    }
    const targets = podsOf(ns(s), { matchLabels: selector });
    serviceTargets.set(s, targets);
    if (targets.length === 0) {
      fail(s, ["spec", "selector"], `selects no pod (${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(", ")})`);
    }
    (s.value.spec?.ports ?? []).forEach((p, pi) => {
      const target = p.targetPort ?? p.port;
      for (const d of targets) {
        if (containerPort(d, target) === undefined) {
          fail(s, ["spec", "ports", pi, p.targetPort !== undefined ? "targetPort" : "port"], `targetPort ${target} is not a declared containerPort of Deployment/${d.name}`);
        }
      }
    });
  }

  // --- Autoscalers and disruption budgets: each for a Deployment that exists, and compatible with each other.
  const autoscalers = new Map();
  for (const h of ofKind("HorizontalPodAutoscaler")) {
    const ref = h.value.spec?.scaleTargetRef ?? {};
    const target = deployments.find(d => d.ns === ns(h) && d.name === ref.name);
    if (ref.kind !== "Deployment" || ref.apiVersion !== "apps/v1" || !target) {
      fail(h, ["spec", "scaleTargetRef"], `scales ${ref.apiVersion}/${ref.kind}/${ref.name}, which is not a Deployment here`);
      continue;
    }
    if (autoscalers.has(target)) fail(h, ["spec", "scaleTargetRef"], `Deployment/${target.name} already has an autoscaler`);
    autoscalers.set(target, h);
    if (target.o.value.spec?.replicas !== undefined) {
      fail(target.o, ["spec", "replicas"], `sets spec.replicas though HorizontalPodAutoscaler/${name(h)} scales it: every apply would reset the count`);
    }
    if ((h.value.spec.minReplicas ?? 1) > h.value.spec.maxReplicas) fail(h, ["spec", "minReplicas"], "minReplicas exceeds maxReplicas");
  }
  const budgets = new Map();
  for (const b of ofKind("PodDisruptionBudget")) {
    const targets = podsOf(ns(b), b.value.spec?.selector);
    if (!b.value.spec?.selector || targets.length === 0) {
      fail(b, ["spec", "selector"], "selects no pod of a Deployment here");
      continue;
    }
    for (const d of targets) {
      budgets.set(d, b);
      const replicas = autoscalers.get(d)?.value.spec.minReplicas ?? d.o.value.spec?.replicas ?? 1;
      const min = b.value.spec.minAvailable;
      if (typeof min === "number" && min >= replicas) {
        fail(b, ["spec", "minAvailable"], `minAvailable ${min} with ${replicas} replica(s) of Deployment/${d.name} lets no pod be evicted: node drains would hang`);
      }
    }
  }
  for (const d of deployments) {
    const missing = [
      [![...serviceTargets.values()].some(t => t.includes(d)), "Service"],
      [!autoscalers.has(d), "HorizontalPodAutoscaler"],
      [!budgets.has(d), "PodDisruptionBudget"],
    ].filter(([absent]) => absent).map(([, what]) => what);
    if (missing.length) fail(d.o, ["metadata", "name"], `has no ${missing.join(", ")}`);
  }

  // --- Ingress: to a Service and port that exist; its TLS Secret created by the operator.
  const servicePort = (namespace, serviceName, port) => {
    const s = services.find(x => ns(x) === namespace && name(x) === serviceName);
    const p = s?.value.spec?.ports?.find(x => (port.name !== undefined ? x.name === port.name : x.port === port.number));
    return s && p ? { s, p } : null;
  };
  const ingressBackends = [];
  for (const ing of ofKind("Ingress")) {
    const backends = [];
    if (ing.value.spec?.defaultBackend?.service) backends.push([["spec", "defaultBackend"], ing.value.spec.defaultBackend.service]);
    (ing.value.spec?.rules ?? []).forEach((r, ri) => (r.http?.paths ?? []).forEach((p, pi) => {
      if (p.backend?.service) backends.push([["spec", "rules", ri, "http", "paths", pi, "backend", "service"], p.backend.service]);
    }));
    for (const [at, backend] of backends) {
      const found = servicePort(ns(ing), backend.name, backend.port ?? {});
      if (!found) fail(ing, at, `backend ${backend.name}:${backend.port?.name ?? backend.port?.number} is no port of a Service here`);
      else ingressBackends.push({ ing, at, ...found });
    }
    (ing.value.spec?.tls ?? []).forEach((t, ti) => {
      if (t.secretName) secretRef(ing, ["spec", "tls", ti, "secretName"], ns(ing), t.secretName, ["tls.crt", "tls.key"]);
    });
  }

  // --- Network policies: everyone who must reach a pod is admitted. Who calls whom is read from the addresses the
  // deployables are given (http://<service> in their environment); the Ingress controller reaches its backends.
  const policies = ofKind("NetworkPolicy");
  const ingressPolicies = (namespace, labels) => policies.filter(p => ns(p) === namespace
    && (p.value.spec?.policyTypes ?? ["Ingress"]).includes("Ingress") && matchesSelector(p.value.spec?.podSelector ?? {}, labels));
  const admits = (source, target, port) => {
    const selecting = ingressPolicies(target.ns, target.labels);
    if (selecting.length === 0) return true;
    return selecting.some(p => (p.value.spec.ingress ?? []).some(rule =>
      peerAdmits(rule.from, source, target.ns) && portAdmits(rule.ports, target, port)));
  };
  const peerAdmits = (from, source, namespace) => {
    if (!from || from.length === 0) return true;
    return from.some(peer => {
      if (source.outside) return peer.ipBlock !== undefined || (peer.namespaceSelector !== undefined && !peer.podSelector);
      if (peer.ipBlock) return false;
      const namespaceOk = peer.namespaceSelector ? matchesSelector(peer.namespaceSelector, labelsOfNamespace(source.ns)) : source.ns === namespace;
      return namespaceOk && (!peer.podSelector || matchesSelector(peer.podSelector, source.labels));
    });
  };
  const portAdmits = (ports, target, port) => !ports || ports.length === 0 || ports.some(p =>
    (p.protocol ?? "TCP") === "TCP" && (p.port === undefined || containerPort(target, p.port) === port
      || (typeof p.port === "number" && p.endPort !== undefined && p.port <= port && port <= p.endPort)));

  for (const d of deployments) {
    if (policies.length && ingressPolicies(d.ns, d.labels).length === 0) {
      fail(d.o, ["metadata", "name"], "no NetworkPolicy selects its pods, so any pod in the cluster may reach them");
    }
    containersOf(d.pod).forEach((c, ci) => {
      const settings = [
        ...(c.env ?? []).map((e, ei) => [e.name, e.value, d.o, ["spec", "template", "spec", "containers", ci, "env", ei, "value"]]),
        ...(c.envFrom ?? []).flatMap(from => {
          const map = from.configMapRef && configMaps.get(`${d.ns}/${from.configMapRef.name}`);
          return map ? Object.entries(map.value.data ?? {}).map(([k, v]) => [k, v, map, ["data", k]]) : [];
        }),
      ];
      for (const [variable, value, where, at] of settings) {
        const call = /^(https?):\/\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)(?:\.([a-z0-9-]+)(?:\.svc(?:\.cluster\.local)?)?)?(?::(\d+))?(?:\/|$)/.exec(String(value ?? ""));
        if (!call) continue;
        const namespace = call[4] ?? d.ns;
        const s = services.find(x => ns(x) === namespace && name(x) === call[2]);
        if (!s) continue; // an address outside the cluster
        const port = Number(call[5] ?? (call[1] === "https" ? 443 : 80));
        const sp = s.value.spec?.ports?.find(p => p.port === port);
        if (!sp) {
          report(where.file, where.line(at), `${variable}: Service ${name(s)} has no port ${port}`);
          continue;
        }
        for (const target of serviceTargets.get(s) ?? []) {
          const number = containerPort(target, sp.targetPort ?? sp.port);
          if (number !== undefined && !admits({ ns: d.ns, labels: d.labels }, target, number)) {
            report(where.file, where.line(at), `${variable}: no NetworkPolicy admits Deployment/${d.name} to Deployment/${target.name} on port ${number}`);
          }
        }
      }
    });
  }
  for (const { ing, at, s, p } of ingressBackends) {
    for (const target of serviceTargets.get(s) ?? []) {
      const number = containerPort(target, p.targetPort ?? p.port);
      if (number !== undefined && !admits({ outside: true }, target, number)) {
        fail(ing, at, `no NetworkPolicy admits the ingress controller to Deployment/${target.name} on port ${number}`);
      }
    }
  }

  // --- The docs list no Secret that nothing uses.
  for (const secret of operatorSecrets.keys()) {
    if (!usedSecrets.has(secret)) report(docsFile, 0, `Secret ${secret} is listed as created by the operator but nothing here uses it`);
  }
}

/** The Secrets the docs say the operator creates: a table under a "Secrets" heading, `name` | `key`, `key` | … */
export function documentedSecrets(markdown) {
  const secrets = new Map();
  let inSection = false;
  for (const line of markdown.split("\n")) {
    if (/^#{1,6} /.test(line)) inSection = /^#{2,3} .*\bSecrets\b/.test(line);
    if (!inSection) continue;
    const row = /^\|\s*`([^`]+)`\s*\|([^|]*)\|/.exec(line);
    if (row) secrets.set(row[1], new Set([...row[2].matchAll(/`([^`]+)`/g)].map(m => m[1])));
  }
  return secrets;
}

function containersOf(pod) {
  return [...(pod.containers ?? []), ...(pod.initContainers ?? [])];
}

function imageName(image) {
  return String(image ?? "").replace(/@.*$/, "").replace(/:[^/:]*$/, "");
}

/** The container port number a port (number or name) means in a Deployment's pods, or undefined. */
function containerPort(deployment, port) {
  for (const c of deployment.pod.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.containerPort === port || (p.name !== undefined && p.name === port)) return p.containerPort;
    }
  }
  return undefined;
}

function matchesSelector(selector, labels) {
  if (!selector || typeof selector !== "object") return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels?.[key] !== value) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const value = labels?.[e.key];
    const values = e.values ?? [];
    const ok = e.operator === "In" ? values.includes(value)
      : e.operator === "NotIn" ? value === undefined || !values.includes(value)
      : e.operator === "Exists" ? value !== undefined
      : e.operator === "DoesNotExist" ? value === undefined : false;
    if (!ok) return false;
  }
  return true;
}

function quantity(q) {
  const m = /^([0-9]+(?:\.[0-9]*)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(String(q));
  if (!m) return NaN;
  const factor = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 }[m[2]] ?? 1;
  return parseFloat(m[1]) * factor;
}
