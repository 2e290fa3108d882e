package org.netweave.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the CLI finds its token: $NETWEAVE_TOKEN, the data directory, then what a lab published. */
class ApiCredentialsTest {
    static final String API = "http://127.0.0.1:18123/api/v1";

    @TempDir
    Path home;
    String realHome;

    @BeforeEach
    void ownHome() {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void realHome() {
        System.setProperty("user.home", realHome);
    }

    @Test
    void theEnvironmentWinsOverEveryFile(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("manager"));
        Files.writeString(data.resolve("manager/admin.token"), "from-dir\n");
        ApiCredentials.publish(API, "published");

        assertThat(ApiCredentials.token(API, data, Map.of("NETWEAVE_TOKEN", "from-env"))).hasValue("from-env");
        assertThat(ApiCredentials.token(API, data, Map.of())).hasValue("from-dir");
        assertThat(ApiCredentials.token(API, null, Map.of("NETWEAVE_DATA_DIR", data.toString()))).hasValue("from-dir");
        assertThat(ApiCredentials.token(API, null, Map.of())).hasValue("published");
    }

    @Test
    void aManagersOwnDataDirectoryWorksToo(@TempDir Path manager) throws Exception {
        Files.writeString(manager.resolve("admin.token"), "nwt_abc\n");

        assertThat(ApiCredentials.token(API, manager, Map.of())).hasValue("nwt_abc");
    }

    @Test
    void aPublishedTokenIsForItsApiOnlyAndReadableByItsOwnerOnly() throws Exception {
        Path file = ApiCredentials.publish(API, "nwt_lab");

        assertThat(file).isEqualTo(home.resolve(".netweave/api-127.0.0.1-18123.token"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ApiCredentials.token("http://127.0.0.1:18124/api/v1", null, Map.of())).isEmpty();
    }
}
