package com.example.blog.jobs;

import com.example.blog.generated.JobContext;
import com.example.blog.generated.SendWelcomeEmail;
import com.example.blog.generated.SendWelcomeEmailHandler;

/**
 * Processes SendWelcomeEmail jobs. Written once by dbtool and yours to edit. A job may be delivered more than once (its worker died
 * before acknowledging): wrap database effects in {@code Idempotency.once(dataSource, job, c -> …)}.
 */
public class SendWelcomeEmailJob implements SendWelcomeEmailHandler {
    @Override
    public void handle(JobContext<SendWelcomeEmail> job) throws Exception {
        System.getLogger(SendWelcomeEmailJob.class.getName()).log(System.Logger.Level.INFO, "SendWelcomeEmail received; write its handling in SendWelcomeEmailJob: " + job.id());
    }
}
