import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The ingest's Prometheus metrics. */
export interface IngestMetrics {
  received: Counter<'type'>;
  invalid: Counter<'type'>;
  committed: Counter;
  batches: Counter;
  writeFailures: Counter<'kind'>;
  buffered: Gauge;
  commitLatency: Histogram;
}

/** Registers the ingest's metrics on `registry`. */
export const createIngestMetrics = (registry: Registry): IngestMetrics => ({
  received: new Counter({
    name: 'spywatcher_gateway_events_received_total',
    help: 'Gateway dispatches received, by type.',
    labelNames: ['type'],
    registers: [registry],
  }),
  invalid: new Counter({
    name: 'spywatcher_gateway_events_invalid_total',
    help: 'Dispatches skipped because they did not parse or could not be stored, by type.',
    labelNames: ['type'],
    registers: [registry],
  }),
  committed: new Counter({
    name: 'spywatcher_ingest_events_committed_total',
    help: 'Dispatches whose rows are committed to the store.',
    registers: [registry],
  }),
  batches: new Counter({
    name: 'spywatcher_ingest_batches_total',
    help: 'Batches committed.',
    registers: [registry],
  }),
  writeFailures: new Counter({
    name: 'spywatcher_ingest_write_failures_total',
    help: 'Failed batch writes: "transient" (retried) or "data" (rows skipped).',
    labelNames: ['kind'],
    registers: [registry],
  }),
  buffered: new Gauge({
    name: 'spywatcher_ingest_buffered_events',
    help: 'Dispatches received and not yet committed.',
    registers: [registry],
  }),
  commitLatency: new Histogram({
    name: 'spywatcher_ingest_commit_latency_seconds',
    help: 'Time from receiving a dispatch to committing its rows.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  }),
});
