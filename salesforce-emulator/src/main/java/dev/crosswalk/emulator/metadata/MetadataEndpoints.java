package dev.crosswalk.emulator.metadata;

import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.auth.ApiGate;
import dev.crosswalk.emulator.http.Json;
import dev.crosswalk.emulator.http.Response;
import dev.crosswalk.emulator.http.Router;
import dev.crosswalk.emulator.model.Org;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The Metadata API deploy routes ({@link MetadataApi}) and
 * {@code POST /_emulator/packages/install {"org": "Acme Corp" | "00D…", "path": "/dir/of/sfdx/project"}}:
 * installs an SFDX source folder into an org. Answers 200 with what was installed, 400 with the
 * file and element at fault, 404 for an unknown org.
 */
public final class MetadataEndpoints {
    private MetadataEndpoints() {
    }

    public static void register(Router router, EmulatorState state, ApiGate gate) {
        MetadataApi api = new MetadataApi(state);
        router.post("/services/Soap/m/{version}", api::soap)
                .post("/services/Soap/m/{version}/{orgId}", api::soap)
                .post("/services/data/{version}/metadata/deployRequest", gate.protect(api::restDeploy))
                .get("/services/data/{version}/metadata/deployRequest/{id}", gate.protect(api::restStatus));
        router.post("/_emulator/packages/install", request -> {
            JsonNode body = request.json();
            String orgRef = body.path("org").asString("");
            String path = body.path("path").asString("");
            Optional<Org> org = state.org(orgRef).or(() -> state.orgByName(orgRef));
            if (org.isEmpty()) {
                return error(404, "unknown_org", "No org with id or name '" + orgRef + "'");
            }
            if (path.isBlank()) {
                return error(400, "invalid_request", "'path' (an SFDX project or source folder) is required");
            }
            try {
                PackageInstaller.InstallReport report = PackageInstaller.install(org.get(), Path.of(path));
                return Response.json(200, report);
            } catch (MetadataException e) {
                return error(400, "invalid_metadata", e.getMessage());
            }
        });
    }

    private static Response error(int status, String error, String message) {
        var n = Json.object();
        n.put("error", error);
        n.put("message", message);
        return Response.json(status, n);
    }
}
