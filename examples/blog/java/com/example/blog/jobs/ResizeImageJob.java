package com.example.blog.jobs;

import com.example.blog.generated.JobContext;
import com.example.blog.generated.ResizeImage;
import com.example.blog.generated.ResizeImageHandler;

/**
 * Processes ResizeImage jobs. Written once by dbtool and yours to edit. A job may be delivered more than once (its worker died
 * before acknowledging): wrap database effects in {@code Idempotency.once(dataSource, job, c -> …)}.
 */
public class ResizeImageJob implements ResizeImageHandler {
    @Override
    public void handle(JobContext<ResizeImage> job) throws Exception {
        System.getLogger(ResizeImageJob.class.getName()).log(System.Logger.Level.INFO, "ResizeImage received; write its handling in ResizeImageJob: " + job.id());
    }
}
