package com.example.blog.jobs;

import com.example.blog.generated.JobContext;
import com.example.blog.generated.NotifyFollowers;
import com.example.blog.generated.NotifyFollowersHandler;

/**
 * Processes NotifyFollowers jobs. Written once by dbtool and yours to edit. A job may be delivered more than once (its worker died
 * before acknowledging): wrap database effects in {@code Idempotency.once(dataSource, job, c -> …)}.
 */
public class NotifyFollowersJob implements NotifyFollowersHandler {
    @Override
    public void handle(JobContext<NotifyFollowers> job) throws Exception {
        System.getLogger(NotifyFollowersJob.class.getName()).log(System.Logger.Level.INFO, "NotifyFollowers received; write its handling in NotifyFollowersJob: " + job.id());
    }
}
