package dev.dbtool.examples.queue;

import com.example.blog.generated.Idempotency;
import com.example.blog.generated.QueueClient;
import com.example.blog.generated.SendWelcomeEmailWorker;
import com.example.blog.generated.Worker;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A worker in a JVM of its own, for the crash tests: processes SendWelcomeEmail jobs, each taking {@code sleepMs},
 * recording its effect with the idempotency helper, until it is killed.
 * Args: REDIS_URL JDBC_URL PREFIX SLEEP_MS VISIBILITY_MS CONCURRENCY
 */
public final class QueueWorkerProcess {
    private QueueWorkerProcess() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[1]);
        long sleep = Long.parseLong(args[3]);
        QueueClient client = QueueClient.connect(args[0]);
        Worker<?> worker = SendWelcomeEmailWorker.start(client, args[2], job -> {
            Idempotency.once(ds, job, c -> QueueTestSupport.recordEffect(c, job.id()));
            if (sleep > 0) Thread.sleep(sleep);
        }, SendWelcomeEmailWorker.settings().withVisibility(Duration.ofMillis(Long.parseLong(args[4]))).withConcurrency(Integer.parseInt(args[5])));
        System.out.println("ready");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
        Thread.currentThread().join();
    }
}
