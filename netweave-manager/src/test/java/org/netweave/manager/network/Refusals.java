package org.netweave.manager.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.netweave.manager.api.ApiException;

/** Assertions for pure rules: the call throws an {@link ApiException} with this status, kind and field. */
public final class Refusals {
    private Refusals() {
    }

    public static ApiException assertRefused(ThrowingCallable call, int status, String error, String field) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        ApiException e = (ApiException) thrown;
        assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.body().error()).as(e.getMessage()).isEqualTo(error);
        assertThat(e.body().field()).as(e.getMessage()).isEqualTo(field);
        return e;
    }
}
