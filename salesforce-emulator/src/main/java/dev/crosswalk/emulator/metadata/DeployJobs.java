package dev.crosswalk.emulator.metadata;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.model.Ids;
import dev.crosswalk.emulator.model.Org;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Metadata API deploys ({@code deploy}/{@code deployRequest}): each runs on a background thread
 * and is polled with {@code checkDeployStatus}. A deploy reads the zip, checks every component
 * against the org (the same {@link PackageInstaller} as {@code --install-package}) and applies
 * all of it or nothing; {@code checkOnly} only checks.
 */
public final class DeployJobs {
    private static final Logger LOG = Logger.getLogger(DeployJobs.class.getName());

    /** The options a client sends; the emulator is all-or-nothing whatever {@code rollbackOnError} says. */
    public record Options(boolean rollbackOnError, boolean ignoreWarnings, boolean checkOnly, boolean singlePackage,
            String testLevel) {
        public static Options defaults() {
            return new Options(true, false, false, true, null);
        }
    }

    /** One DeployMessage (component success or failure). */
    public record Message(String componentType, String fullName, String fileName, boolean success, boolean created,
            boolean changed, int line, int column, String problem, Instant createdDate) {
    }

    /** A DeployResult as {@code checkDeployStatus} reports it. */
    public record Result(String id, Org org, String createdBy, String createdByName, Options options, String status,
            boolean done, Instant createdDate, Instant startDate, Instant completedDate, int componentsTotal,
            List<Message> successes, List<Message> failures, String errorMessage, String errorStatusCode) {

        public boolean success() {
            return status.equals("Succeeded");
        }

        public int componentsDeployed() {
            return success() ? componentsTotal : 0;
        }
    }

    private final EmulatorState state;
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(1);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "emulator-metadata-deploy");
        t.setDaemon(true);
        return t;
    });

    public DeployJobs(EmulatorState state) {
        this.state = state;
    }

    /** Queues a deploy; returns its id ({@code 0Af…}). */
    public String start(Org org, String userId, byte[] zip, Options options) {
        String id = Ids.to18(Ids.id15("0Af", org.pod(), sequence.getAndIncrement()));
        Instant now = state.clock().instant();
        String username = state.username(org, userId);
        Result queued = new Result(id, org, userId, username, options, "Pending", false, now, null, null, 0, List.of(),
                List.of(), null, null);
        results.put(id, queued);
        worker.execute(() -> results.put(id, run(queued, zip)));
        return id;
    }

    public Optional<Result> get(Org org, String id) {
        Result r = id == null ? null : results.get(id.length() == 15 ? Ids.to18(id) : id);
        return r == null || r.org() != org ? Optional.empty() : Optional.of(r);
    }

    private Result run(Result queued, byte[] zip) {
        Instant start = state.clock().instant();
        Org org = queued.org();
        List<Message> successes = new ArrayList<>();
        List<Message> failures = new ArrayList<>();
        successes.add(new Message("", "package.xml", "package.xml", true, false, true, 0, 0, null, start));
        int total = 0;
        try {
            MdapiZip.Read read = MdapiZip.read(zip);
            total = read.members().size();
            // Cross-reference problems of the components that could be read are reported too, as a deploy lists them all.
            List<MetadataException> problems = new ArrayList<>(read.failures());
            problems.addAll(PackageInstaller.check(org, read.pkg()));
            Map<String, Boolean> existed = org.read(() -> existing(org, read.members()));
            for (MdapiZip.Member m : read.members()) {
                List<MetadataException> mine = problems.stream()
                        .filter(p -> p.origin().componentType().equals(m.type()) && p.origin().fullName().equalsIgnoreCase(m.fullName()))
                        .toList();
                if (mine.isEmpty()) {
                    boolean known = MdapiZip.fileOf(m.type(), m.fullName()) != null;
                    boolean created = known && !existed.getOrDefault(key(m.type(), m.fullName()), false);
                    successes.add(new Message(m.type(), m.fullName(), fileName(m), true, created, known && !created, 0, 0, null,
                            state.clock().instant()));
                }
                for (MetadataException p : mine) {
                    failures.add(failure(p, fileName(m)));
                }
            }
            // Problems of components the manifest does not name (e.g. package.xml itself).
            problems.stream().filter(p -> read.members().stream().noneMatch(m -> m.type().equals(p.origin().componentType())
                    && m.fullName().equalsIgnoreCase(p.origin().fullName()))).forEach(p -> failures.add(failure(p, p.file())));
            if (failures.isEmpty() && !queued.options().checkOnly()) {
                org.write(() -> PackageInstaller.apply(org, read.pkg()));
            }
        } catch (MetadataException e) {
            failures.add(failure(e, e.file()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "deploy " + queued.id() + " failed", e);
            return finish(queued, start, total, successes, failures, "Failed", "UNKNOWN_EXCEPTION: " + e.getMessage(),
                    "UNKNOWN_EXCEPTION");
        }
        if (!failures.isEmpty()) {
            // All or nothing: what would have succeeded is reported as not deployed.
            successes.subList(1, successes.size()).clear();
        }
        return finish(queued, start, total, successes, failures, failures.isEmpty() ? "Succeeded" : "Failed", null, null);
    }

    private Result finish(Result q, Instant start, int total, List<Message> successes, List<Message> failures, String status,
            String error, String errorCode) {
        return new Result(q.id(), q.org(), q.createdBy(), q.createdByName(), q.options(), status, true, q.createdDate(), start,
                state.clock().instant(), total, List.copyOf(successes), List.copyOf(failures), error, errorCode);
    }

    private Message failure(MetadataException e, String fileName) {
        return new Message(e.origin().componentType(), e.origin().fullName(), fileName, false, false, false, e.line(), e.column(),
                e.problem(), state.clock().instant());
    }

    private static String fileName(MdapiZip.Member m) {
        String f = MdapiZip.fileOf(m.type(), m.fullName());
        return f == null ? m.type() + "/" + m.fullName() : f;
    }

    private static String key(String type, String fullName) {
        return type + "#" + fullName.toLowerCase(java.util.Locale.ROOT);
    }

    /** Which members already exist, so messages say created or changed. */
    private static Map<String, Boolean> existing(Org org, List<MdapiZip.Member> members) {
        Map<String, Boolean> out = new java.util.HashMap<>();
        for (MdapiZip.Member m : members) {
            String name = m.fullName();
            boolean exists = switch (m.type()) {
                case "CustomObject" -> org.type(name).isPresent();
                case "CustomField" -> name.contains(".") && org.type(name.substring(0, name.indexOf('.')))
                        .flatMap(t -> t.field(name.substring(name.indexOf('.') + 1))).isPresent();
                case "PermissionSet" -> dev.crosswalk.emulator.security.PermissionAdmin.permissionSetId(org, name).isPresent();
                case "ApexPage" -> PackageInstaller.find(org, "ApexPage", "Name", name).isPresent();
                case "ApexClass" -> PackageInstaller.find(org, "ApexClass", "Name", name).isPresent();
                case "CustomTab" -> PackageInstaller.find(org, "TabDefinition", "Name", name).isPresent();
                case "CustomApplication" -> PackageInstaller.find(org, "AppDefinition", "DeveloperName", name).isPresent();
                case "AuthProvider" -> PackageInstaller.find(org, "AuthProvider", "DeveloperName", name).isPresent();
                case "ExternalCredential" -> PackageInstaller.find(org, "ExternalCredential", "DeveloperName", name).isPresent();
                case "NamedCredential" -> PackageInstaller.find(org, "NamedCredential", "DeveloperName", name).isPresent();
                default -> false;
            };
            out.put(key(m.type(), name), exists);
        }
        return out;
    }
}
