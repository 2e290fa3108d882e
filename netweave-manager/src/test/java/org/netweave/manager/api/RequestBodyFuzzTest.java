package org.netweave.manager.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.netweave.manager.auth.NewApiTokenRequest;
import org.netweave.manager.controllers.DeployControllerRequest;
import org.netweave.manager.inventory.CreateAntiAffinityRuleRequest;
import org.netweave.manager.inventory.CreateClusterRequest;
import org.netweave.manager.inventory.CreateDatacenterRequest;
import org.netweave.manager.inventory.CreateHostRequest;
import org.netweave.manager.inventory.CreateIpPoolRequest;
import org.netweave.manager.inventory.CreateVmRequest;
import org.netweave.manager.inventory.MigrateVmRequest;
import org.netweave.manager.inventory.PrepareHostsRequest;
import org.netweave.manager.network.lswitch.LogicalSwitchRequest;
import org.netweave.manager.network.pool.SegmentPoolRequest;
import org.netweave.manager.network.router.DlrBridgeRequest;
import org.netweave.manager.network.router.DlrInterfaceRequest;
import org.netweave.manager.network.router.DlrRequest;
import org.netweave.manager.network.router.DlrStaticRoutingRequest;
import org.netweave.manager.network.vnic.VnicAttachmentRequest;
import org.netweave.manager.network.vtep.ExternalVtepRequest;
import org.netweave.manager.network.zone.TransportZoneRequest;
import org.netweave.manager.traceflow.TraceflowRequest;

/**
 * The REST decoder under hostile bodies: whatever bytes arrive as the body of any request the API
 * takes, decoding gives the request or a 400 with a JSON error body; never another exception,
 * which the server would turn into a 500. The first input byte picks the request type.
 */
class RequestBodyFuzzTest {
    /** The top-level body of every operation that has one ({@code ApiRegistry} routes' request types). */
    static final List<Class<?>> BODIES = List.of(NewApiTokenRequest.class, DeployControllerRequest.class,
            CreateAntiAffinityRuleRequest.class, CreateClusterRequest.class, CreateDatacenterRequest.class,
            CreateHostRequest.class, CreateIpPoolRequest.class, CreateVmRequest.class, MigrateVmRequest.class,
            PrepareHostsRequest.class, LogicalSwitchRequest.class, SegmentPoolRequest.class, DlrBridgeRequest.class,
            DlrInterfaceRequest.class, DlrRequest.class, DlrStaticRoutingRequest.class, VnicAttachmentRequest.class,
            ExternalVtepRequest.class, TransportZoneRequest.class, TraceflowRequest.class);

    @FuzzTest
    void requestBodies(byte[] data) {
        if (data.length == 0) {
            return;
        }
        Class<?> type = BODIES.get(Byte.toUnsignedInt(data[0]) % BODIES.size());
        String body = new String(Arrays.copyOfRange(data, 1, data.length), StandardCharsets.UTF_8);
        try {
            assertThat(RequestBodies.decode(body, type)).isInstanceOf(type);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.body().error()).isNotBlank();
            assertThat(e.body().message()).isNotBlank();
        }
    }
}
