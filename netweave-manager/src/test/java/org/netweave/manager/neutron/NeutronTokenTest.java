package org.netweave.manager.neutron;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.auth.ApiTokens;
import org.netweave.manager.controllers.ExternalControllerFleet;
import org.netweave.manager.testing.ApiClient;

/**
 * The real OpenStack client against a manager that wants tokens: without one it is refused, with
 * the administrator's token (passed as a deployment without Keystone passes one, X-Auth-Token) it
 * works, and an auditor's token lists but cannot create.
 */
class NeutronTokenTest {
    @BeforeAll
    static void openstackIsInstalled() {
        OpenStackCli.assumeInstalled();
    }

    @Test
    void theOpenStackClientSendsItsTokenAndTheRoleDecides(@TempDir Path dir, @TempDir Path home) throws Exception {
        try (Manager manager = Manager.start(ManagerSettings.local(dir), new ExternalControllerFleet(Map.of()))) {
            String admin = Files.readString(dir.resolve(ApiTokens.BOOTSTRAP_FILE)).strip();
            String auditor = new ApiClient(manager.apiPort()).withToken(admin)
                    .post("/tokens", "{\"name\":\"os-auditor\",\"role\":\"auditor\"}").at("/secret").asText();
            OpenStackCli os = new OpenStackCli("http://127.0.0.1:" + manager.apiPort(), home);

            OpenStackCli.Result anonymous = os.run("network", "list", "-f", "json");
            assertThat(anonymous.exit()).isNotZero();
            assertThat(anonymous.err()).containsIgnoringCase("401");

            assertThat(os.withToken(admin).json("network", "list").isArray()).isTrue();

            assertThat(os.withToken(auditor).json("network", "list").isArray()).isTrue();
            OpenStackCli.Result create = os.withToken(auditor).run("network", "create", "net1");
            assertThat(create.exit()).isNotZero();
            assertThat(create.err()).containsIgnoringCase("403").contains("auditor");
        }
    }
}
