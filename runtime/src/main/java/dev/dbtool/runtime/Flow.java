package dev.dbtool.runtime;

import java.util.List;
import java.util.UUID;

/**
 * A parent job that runs once all of its children have completed (BullMQ's flows): the children may sit on other
 * queues. The children are added first, each knowing its parent; the parent last, waiting (state
 * {@code waiting-children}). A child's completion or death leaves a notice on its own queue, which that queue's
 * workers deliver to the parent's queue (a separate, idempotent step: queues may live on different Redis Cluster slots);
 * the parent is released into its queue when every child completed. A dead child dead-letters the parent
 * ({@link OnChildFailure#FAIL_PARENT}) or counts as done ({@link OnChildFailure#IGNORE}). If the process dies between
 * the children and the parent, the children run and no parent waits for them.
 */
public final class Flow {
    /** What a child that ends up dead-lettered does to its parent. */
    public enum OnChildFailure { FAIL_PARENT, IGNORE }

    /** A job of a flow: its queue, payload (JSON, already validated), options and the job type's defaults. */
    public record Job(JobQueue queue, String payloadJson, JobOptions options, JobDefaults defaults) {}

    private Flow() {}

    /** Adds the children, then the parent; returns the parent's id. Job ids in the options are kept, others made up. */
    public static String add(Job parent, List<Job> children, OnChildFailure policy) {
        if (children.isEmpty()) throw new IllegalArgumentException("a flow needs at least one child");
        String parentId = parent.options().jobId() != null ? parent.options().jobId() : UUID.randomUUID().toString();
        String ref;
        try {
            ref = PayloadCodec.JSON.writeValueAsString(java.util.Map.of("q", parent.queue().name(), "id", parentId));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Job c : children) {
            String id = c.options().jobId() != null ? c.options().jobId() : UUID.randomUUID().toString();
            if (!c.queue().addChild(c.payloadJson(), c.options(), c.defaults(), id, ref)) {
                throw new IllegalArgumentException("a job with the id " + id + " is still retained in queue " + c.queue().name());
            }
        }
        if (!parent.queue().addParent(parentId, parent.payloadJson(), parent.options(), parent.defaults(), children.size(), policy)) {
            throw new IllegalArgumentException("a job with the id " + parentId + " is still retained in queue " + parent.queue().name());
        }
        return parentId;
    }
}
