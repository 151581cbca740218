package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Attribute;
import dev.dbtool.core.ast.Member;
import dev.dbtool.core.ast.Top;
import dev.dbtool.core.model.Arity;
import dev.dbtool.core.model.FieldExtensions;
import dev.dbtool.core.model.Job;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.parser.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code job} block (dbtool): payload fields (scalars and enums, with {@code @default}, {@code @validate},
 * {@code @seed}) and {@code @@queue}, {@code @@retry}, {@code @@concurrency}, {@code @@timeout}.
 */
final class JobReader {
    private static final Set<String> FIELD_ATTRIBUTES = Set.of("default", "validate", "seed");
    private static final List<String> BLOCK_ATTRIBUTES = List.of("@@queue", "@@retry", "@@concurrency", "@@timeout");

    private JobReader() {}

    static Job read(Top.Block b, String doc, ValidationContext ctx) {
        ModelReader fieldReader = new ModelReader(ctx);
        List<ScalarField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String queue = null;
        int attempts = 3;
        String backoff = "exponential";
        long delay = 1000;
        int concurrency = 1;
        Long timeout = null;
        Set<String> seenAttributes = new HashSet<>();
        List<Member> members = b.members();
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (member instanceof Member.Field f && f.type() != null) {
                if (!names.add(f.name().name())) {
                    ctx.error(f.name().span(), "Field `" + f.name().name() + "` is already defined on job `" + b.nameText() + "`.");
                    continue;
                }
                Arity arity = f.type().list() ? Arity.LIST : f.type().optional() ? Arity.OPTIONAL : Arity.REQUIRED;
                FieldDraft d = new FieldDraft(f, arity, Docs.forMember(members, i));
                fieldReader.resolveType(d, f.type());
                if (d.isRelation()) {
                    ctx.error(f.type().span(), "Job payloads hold values, not relations: store the id of the `" + d.relationTarget + "` instead.");
                    continue;
                }
                List<Attribute> allowed = new ArrayList<>();
                for (Attribute a : f.attributes()) {
                    if (FIELD_ATTRIBUTES.contains(a.name())) allowed.add(a);
                    else ctx.error(a.nameSpan(), "`" + a.display() + "` is not allowed on job fields; they take @default, @validate and @seed.");
                }
                fieldReader.applyAttributes(d, allowed);
                if (d.kind != null) {
                    fields.add(new ScalarField(d.name, d.name, d.kind, arity, null, d.defaultValue, false, false,
                            new FieldExtensions(false, false, false, List.copyOf(d.validations), d.seed, null), d.documentation, d.span()));
                }
            } else if (member instanceof Member.BlockAttribute ba) {
                Attribute a = ba.attribute();
                if (!seenAttributes.add(a.name())) {
                    ctx.error(a.nameSpan(), "`" + a.display() + "` can only be given once on job `" + b.nameText() + "`.");
                    continue;
                }
                switch (a.name()) {
                    case "queue" -> {
                        AttributeArguments args = new AttributeArguments(a, List.of("name"), ctx);
                        String q = args.requiredString("name");
                        if (q != null && !q.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
                            ctx.error(args.spanOf("name"), "Queue names use letters, digits, `.`, `_`, `:` and `-` (at most 100), as in \"email-queue\".");
                        } else queue = q;
                    }
                    case "retry" -> {
                        AttributeArguments args = new AttributeArguments(a, List.of("attempts", "backoff", "delay"), ctx);
                        Long n = args.integer("attempts", 1, 1000);
                        if (n != null) attempts = n.intValue();
                        String kind = args.constant("backoff");
                        if (kind != null && !kind.equals("exponential") && !kind.equals("fixed")) {
                            ctx.error(args.spanOf("backoff"), "`backoff` is `exponential` or `fixed`, found `" + kind + "`.");
                        } else if (kind != null) backoff = kind;
                        Long d = args.integer("delay", 0, 86_400_000L);
                        if (d != null) delay = d;
                    }
                    case "concurrency" -> {
                        AttributeArguments args = new AttributeArguments(a, List.of("value"), ctx);
                        args.required("value");
                        Long n = args.integer("value", 1, 10_000);
                        if (n != null) concurrency = n.intValue();
                    }
                    case "timeout" -> {
                        AttributeArguments args = new AttributeArguments(a, List.of("ms"), ctx);
                        args.required("ms");
                        timeout = args.integer("ms", 1, 86_400_000L);
                    }
                    default -> {
                        String hint = Suggestions.closest(a.display(), BLOCK_ATTRIBUTES);
                        ctx.error(a.nameSpan(), "Attribute not known on jobs: `" + a.display() + "`." + (hint != null ? " Did you mean `" + hint + "`?"
                                : " Jobs take " + String.join(", ", BLOCK_ATTRIBUTES) + "."));
                    }
                }
            }
        }
        if (queue == null && !seenAttributes.contains("queue")) {
            ctx.error(b.name().span(), "Job `" + b.nameText() + "` needs a queue: add `@@queue(\"" + kebab(b.nameText()) + "\")`.");
        }
        return new Job(b.nameText(), List.copyOf(fields), queue, attempts, backoff, delay, concurrency, timeout, doc, b.span());
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
