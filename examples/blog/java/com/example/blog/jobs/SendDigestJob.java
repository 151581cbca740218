package com.example.blog.jobs;

import com.example.blog.generated.JobContext;
import com.example.blog.generated.SendDigest;
import com.example.blog.generated.SendDigestHandler;

/**
 * Processes SendDigest jobs. Written once by dbtool and yours to edit. A job may be delivered more than once (its worker died
 * before acknowledging): wrap database effects in {@code Idempotency.once(dataSource, job, c -> …)}.
 */
public class SendDigestJob implements SendDigestHandler {
    @Override
    public void handle(JobContext<SendDigest> job) throws Exception {
        System.getLogger(SendDigestJob.class.getName()).log(System.Logger.Level.INFO, "SendDigest received; write its handling in SendDigestJob: " + job.id());
    }
}
