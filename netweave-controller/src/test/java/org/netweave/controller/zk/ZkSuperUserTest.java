package org.netweave.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("embedded-zookeeper")
class ZkSuperUserTest {
    @Test
    void digestIsTheOneZooKeeperComputes() throws Exception {
        // Installed first: loading DigestAuthenticationProvider freezes the super digest of the JVM.
        ZkTestSupport.SUPER_USER.installOnServers();
        ZkSuperUser user = ZkSuperUser.withPassword("s3cret");

        assertThat(user.digest()).isEqualTo(DigestAuthenticationProvider.generateDigest("super:s3cret"));
    }

    @Test
    void aSecondSecretInTheSameJvmIsRefused() {
        ZkTestSupport.SUPER_USER.installOnServers();
        ZkTestSupport.SUPER_USER.installOnServers();

        assertThatThrownBy(() -> ZkSuperUser.generate().installOnServers())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another super user");
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(ZkSuperUser.withPassword("s3cret").toString()).doesNotContain("s3cret");
    }
}
