package org.dialplane.cdr.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The queue log of {@code asteriskcdrdb.queue_log} (Asterisk's realtime queue log: time, callid, queuename, agent,
 * event, data1..data5), as {@code /pbxapi/queuelogs} serves it. A row is a tenant's when its queue is one of the
 * tenant's queues (their owner in Dialplane's tenancy; a queue without one is the {@code default} tenant's).
 */
@ProviderType
public interface QueueLogService extends RecordService {
}
