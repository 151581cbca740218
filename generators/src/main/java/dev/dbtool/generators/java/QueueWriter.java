package dev.dbtool.generators.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.dbtool.core.model.Arity;
import dev.dbtool.core.model.DefaultValue;
import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.Job;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.ScalarType;
import dev.dbtool.core.model.ValidationRule;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A DSL {@code job}: its payload record (defaults filled in, {@code @validate} checked before it is enqueued), its
 * producer ({@code add}, {@code addBulk}, {@code enqueue} into the transactional outbox, {@code repeat}), the handler
 * interface and the worker plumbing; the handler scaffold is written once.
 */
final class QueueWriter {
    private QueueWriter() {}

    static TypeName type(ScalarField f) {
        TypeName base;
        if (f.kind() instanceof FieldKind.Scalar s) {
            base = switch (s.type()) {
                case String -> ClassName.get(String.class);
                case Boolean -> ClassName.get(Boolean.class);
                case Int -> ClassName.get(Integer.class);
                case BigInt -> ClassName.get(Long.class);
                case Float -> ClassName.get(Double.class);
                case Decimal -> ClassName.get(java.math.BigDecimal.class);
                case DateTime -> ClassName.get(java.time.Instant.class);
                case Json -> JavaTypes.JSON_NODE;
                case Bytes -> com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE);
            };
        } else base = ClassName.get(String.class); // enum values travel as their names
        return f.arity() == Arity.LIST ? ParameterizedTypeName.get(ClassName.get(List.class), base) : base;
    }

    static String constant(Job job) { return JavaNames.constant(job.name()); }

    static TypeSpec payload(Job job, JavaNames names) {
        MethodSpec.Builder ctor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder record = MethodSpec.constructorBuilder();
        for (ScalarField f : job.fields()) {
            String id = JavaNames.identifier(f.name());
            record.addParameter(type(f), id);
            CodeBlock def = defaultValue(f);
            if (def != null) ctor.addStatement("if ($N == null) $N = $L", id, id, def);
        }
        ClassName problem = names.runtime("ApiException").nestedClass("Problem");
        MethodSpec.Builder validate = MethodSpec.methodBuilder("validate").addModifiers(Modifier.PUBLIC).addJavadoc("Required fields and {@code @validate} rules; throws with every problem.\n")
                .addStatement("$T<$T> problems = new $T<>()", List.class, problem, ArrayList.class);
        ClassName v = names.runtime("Validation");
        for (ScalarField f : job.fields()) {
            String id = JavaNames.identifier(f.name());
            CodeBlock path = CodeBlock.of("$T.of($S)", List.class, f.name());
            if (f.isRequired()) validate.addStatement("if ($N == null) problems.add(new $T($L, $S))", id, problem, path, "Required.");
            for (ValidationRule r : f.extensions().validations()) {
                if (r instanceof ValidationRule.Email) validate.addStatement("$T.email(problems, $L, $N)", v, path, id);
                else if (r instanceof ValidationRule.Url) validate.addStatement("$T.url(problems, $L, $N)", v, path, id);
                else if (r instanceof ValidationRule.Uuid) validate.addStatement("$T.uuid(problems, $L, $N)", v, path, id);
                else if (r instanceof ValidationRule.MinLength x) validate.addStatement("$T.minLength(problems, $L, $N, $L)", v, path, id, x.value());
                else if (r instanceof ValidationRule.MaxLength x) validate.addStatement("$T.maxLength(problems, $L, $N, $L)", v, path, id, x.value());
                else if (r instanceof ValidationRule.Min x) validate.addStatement("$T.min(problems, $L, $N, $S)", v, path, id, x.value().toPlainString());
                else if (r instanceof ValidationRule.Max x) validate.addStatement("$T.max(problems, $L, $N, $S)", v, path, id, x.value().toPlainString());
                else if (r instanceof ValidationRule.Pattern x) validate.addStatement("$T.pattern(problems, $L, $N, $T.compile($S))", v, path, id, java.util.regex.Pattern.class, x.regex());
            }
        }
        validate.addStatement("if (!problems.isEmpty()) throw new $T($S + problems)", IllegalArgumentException.class, "invalid " + job.name() + " job: ");
        return TypeSpec.recordBuilder(job.name()).addModifiers(Modifier.PUBLIC)
                .addJavadoc((job.documentation() == null ? "The payload of a " + job.name() + " job" : job.documentation()) + " (queue {@code " + job.queue() + "}).\n")
                .recordConstructor(record.build()).addMethod(ctor.build()).addMethod(validate.build()).build();
    }

    private static CodeBlock defaultValue(ScalarField f) {
        if (!(f.defaultValue() instanceof DefaultValue.Literal l) || !(f.kind() instanceof FieldKind.Scalar s)) return null;
        return switch (s.type()) {
            case String -> CodeBlock.of("$S", l.value());
            case Boolean -> CodeBlock.of("$L", Boolean.parseBoolean(l.value()));
            case Int -> CodeBlock.of("$L", Integer.parseInt(l.value()));
            case BigInt -> CodeBlock.of("$LL", Long.parseLong(l.value()));
            case Float -> CodeBlock.of("$L", Double.parseDouble(l.value()));
            default -> null;
        };
    }

    private static ClassName defaultsType(JavaNames n) { return n.runtime("JobDefaults"); }

    private static CodeBlock defaults(Job job, JavaNames names) {
        return CodeBlock.of("new $T($L, $S, $LL, $L, $LL)", defaultsType(names), job.attempts(), job.backoff() == null ? "exponential" : job.backoff(),
                job.backoffDelayMs(), job.concurrency(), job.timeoutMs() == null ? 0 : job.timeoutMs());
    }

    static TypeSpec producer(Job job, JavaNames names) {
        ClassName payload = names.model(job.name());
        ClassName queue = names.runtime("JobQueue");
        ClassName options = names.runtime("JobOptions");
        ClassName codec = names.runtime("PayloadCodec");
        TypeSpec.Builder b = TypeSpec.classBuilder(job.name() + "Producer").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Adds " + job.name() + " jobs to the queue {@code " + job.queue() + "}; every payload is validated first.\n")
                .addField(FieldSpec.builder(String.class, "QUEUE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer("$S", job.queue()).build())
                .addField(FieldSpec.builder(defaultsType(names), "DEFAULTS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(defaults(job, names)).build())
                .addField(queue, "queue", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addParameter(names.runtime("QueueClient"), "client")
                        .addParameter(String.class, "prefix").addStatement("this.queue = new $T(client, prefix, QUEUE, $S)", queue, job.name()).build())
                .addMethod(MethodSpec.methodBuilder("queue").addModifiers(Modifier.PUBLIC).returns(queue).addStatement("return queue").build())
                .addMethod(MethodSpec.methodBuilder("add").addModifiers(Modifier.PUBLIC).returns(boolean.class).addParameter(payload, "payload")
                        .addStatement("return add(payload, $T.NONE)", options).build())
                .addMethod(MethodSpec.methodBuilder("add").addModifiers(Modifier.PUBLIC).returns(boolean.class)
                        .addJavadoc("False when a job with the same id is still retained (de-duplication).\n")
                        .addParameter(payload, "payload").addParameter(options, "options")
                        .addStatement("payload.validate()").addStatement("return queue.add($T.encode(payload), options, DEFAULTS)", codec).build())
                .addMethod(MethodSpec.methodBuilder("addBulk").addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(List.class, Boolean.class)).addJavadoc("Adds many jobs in one pipelined round trip.\n")
                        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), payload), "payloads")
                        .addStatement("$T<String> json = new $T<>()", List.class, ArrayList.class)
                        .beginControlFlow("for ($T p : payloads)", payload).addStatement("p.validate()").addStatement("json.add($T.encode(p))", codec).endControlFlow()
                        .addStatement("return queue.addBulk(json, $T.nCopies(json.size(), $T.NONE), DEFAULTS)", java.util.Collections.class, options).build())
                .addMethod(MethodSpec.methodBuilder("flowJob").addModifiers(Modifier.PUBLIC).returns(names.runtime("Flow").nestedClass("Job"))
                        .addJavadoc("This job as a parent or child of a flow ({@code Flow.add}); the payload is validated now.\n")
                        .addParameter(payload, "payload").addParameter(options, "options")
                        .addStatement("payload.validate()").addStatement("return new $T(queue, $T.encode(payload), options, DEFAULTS)", names.runtime("Flow").nestedClass("Job"), codec)
                        .build())
                .addMethod(MethodSpec.methodBuilder("enqueue").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("Adds the job through the transactional outbox: it is sent when {@code connection}'s transaction commits, never when it rolls back.\n")
                        .addParameter(Connection.class, "connection").addParameter(payload, "payload").addParameter(options, "options").addException(SQLException.class)
                        .addStatement("payload.validate()").addStatement("$T.enqueue(connection, QUEUE, $S, $T.encode(payload), options)", names.runtime("Outbox"), job.name(), codec).build())
                .addMethod(MethodSpec.methodBuilder("outboxTarget").addModifiers(Modifier.PUBLIC).returns(names.runtime("OutboxRelay").nestedClass("Target"))
                        .addJavadoc("Where an {@code OutboxRelay} sends this job type's outbox rows.\n")
                        .addStatement("return new $T(queue, DEFAULTS)", names.runtime("OutboxRelay").nestedClass("Target")).build());
        return b.build();
    }

    static TypeSpec handler(Job job, JavaNames names) {
        return TypeSpec.interfaceBuilder(job.name() + "Handler").addModifiers(Modifier.PUBLIC)
                .addSuperinterface(ParameterizedTypeName.get(names.runtime("JobHandler"), names.model(job.name())))
                .addJavadoc("Implement this to process " + job.name() + " jobs (see the scaffold in the " + names.scaffolds().replace(".api", ".jobs") + " package).\n").build();
    }

    static TypeSpec worker(Job job, JavaNames names) {
        ClassName payload = names.model(job.name());
        ClassName worker = names.runtime("Worker");
        return TypeSpec.classBuilder(job.name() + "Worker").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Runs a " + job.name() + "Handler on the queue {@code " + job.queue() + "} with the job's settings (concurrency " + job.concurrency()
                        + (job.timeoutMs() == null ? "" : ", timeout " + job.timeoutMs() + " ms") + ", " + job.attempts() + " attempts).\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("settings").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(worker.nestedClass("Settings"))
                        .addStatement("return $T.Settings.of($T.DEFAULTS)", worker, names.runtime(job.name() + "Producer")).build())
                .addMethod(MethodSpec.methodBuilder("start").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(ParameterizedTypeName.get(worker, payload))
                        .addParameter(names.runtime("QueueClient"), "client").addParameter(String.class, "prefix").addParameter(names.runtime(job.name() + "Handler"), "handler")
                        .addParameter(worker.nestedClass("Settings"), "settings")
                        // the payload is checked again on this side: the stream may hold what no producer of this type wrote
                        .addStatement("return new $T<>(new $T(client, prefix, $T.QUEUE, $S), $T.DEFAULTS, json -> $T.decode(json, $T.class, $T::validate), handler, settings).start()",
                                worker, names.runtime("JobQueue"), names.runtime(job.name() + "Producer"), job.name(), names.runtime(job.name() + "Producer"),
                                names.runtime("PayloadCodec"), payload, payload)
                        .build())
                .build();
    }

    /** The worker class of a queue shared by several job types: {@code email-queue} → {@code EmailQueueWorker}, {@code mail} → {@code MailQueueWorker}. */
    static String queueWorkerName(String queue) {
        StringBuilder b = new StringBuilder();
        for (String part : queue.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        if (b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0))) b.insert(0, "Q");
        return b + (b.toString().endsWith("Queue") ? "" : "Queue") + "Worker";
    }

    /**
     * One worker for a queue several job types share: a handler per type, each entry routed to its type's decoder,
     * validation and handler. The jobs agree on concurrency and timeout ({@code validate} checks it), so the settings
     * are the first one's.
     */
    static TypeSpec queueWorker(List<Job> jobs, JavaNames names) {
        String queueName = jobs.get(0).queue();
        ClassName worker = names.runtime("Worker");
        ClassName route = worker.nestedClass("Route");
        ClassName codec = names.runtime("PayloadCodec");
        List<String> types = jobs.stream().map(Job::name).toList();
        Job first = jobs.get(0);
        MethodSpec.Builder start = MethodSpec.methodBuilder("start").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(worker, ClassName.get(Object.class)))
                .addJavadoc("Starts the worker: each entry goes to its type's handler after its payload is decoded and validated; an entry of\n"
                        + "another type, or one that does not validate, is dead-lettered with the reason.\n")
                .addParameter(names.runtime("QueueClient"), "client").addParameter(String.class, "prefix");
        CodeBlock.Builder routes = CodeBlock.builder();
        for (Job job : jobs) {
            String handler = Character.toLowerCase(job.name().charAt(0)) + job.name().substring(1);
            ClassName producer = names.runtime(job.name() + "Producer");
            ClassName payload = names.model(job.name());
            start.addParameter(names.runtime(job.name() + "Handler"), handler);
            routes.add(routes.isEmpty() ? "" : ",\n").add("new $T<>($S, $T.DEFAULTS, json -> $T.decode(json, $T.class, $T::validate), $N)",
                    route, job.name(), producer, codec, payload, payload, handler);
        }
        start.addParameter(worker.nestedClass("Settings"), "settings")
                .addStatement("return $T.routing(new $T(client, prefix, QUEUE), settings, $T.of(\n$>$L$<)).start()", worker, names.runtime("JobQueue"), List.class, routes.build());
        return TypeSpec.classBuilder(queueWorkerName(queueName)).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Runs the queue {@code " + queueName + "}, which carries the job types " + String.join(", ", types) + ": one handler per type (concurrency "
                        + first.concurrency() + (first.timeoutMs() == null ? "" : ", timeout " + first.timeoutMs() + " ms") + "; retries per job type).\n")
                .addField(FieldSpec.builder(String.class, "QUEUE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer("$S", queueName).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("settings").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(worker.nestedClass("Settings"))
                        .addStatement("return $T.Settings.of($T.DEFAULTS)", worker, names.runtime(first.name() + "Producer")).build())
                .addMethod(start.build())
                .build();
    }

    static TypeSpec scaffold(Job job, JavaNames names) {
        ClassName handler = names.runtime(job.name() + "Handler");
        return TypeSpec.classBuilder(job.name() + "Job").addModifiers(Modifier.PUBLIC).addSuperinterface(handler)
                .addJavadoc("Processes " + job.name() + " jobs. Written once by dbtool and yours to edit. A job may be delivered more than once (its worker died\n"
                        + "before acknowledging): wrap database effects in {@code Idempotency.once(dataSource, job, c -> …)}.\n")
                .addMethod(MethodSpec.methodBuilder("handle").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .addParameter(ParameterizedTypeName.get(names.runtime("JobContext"), names.model(job.name())), "job").addException(Exception.class)
                        .addStatement("System.getLogger($T.class.getName()).log(System.Logger.Level.INFO, $S + job.id())", ClassName.get(names.scaffolds().replace(".api", ".jobs"), job.name() + "Job"),
                                job.name() + " received; write its handling in " + job.name() + "Job: ")
                        .build())
                .build();
    }
}
