package org.netweave.controller.grpc;

import java.util.concurrent.CompletableFuture;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** Completes a unary call from a future: the value, or UNAVAILABLE when the node could not answer. */
final class Replies {
    private Replies() {
    }

    static <T> void reply(CompletableFuture<T> result, StreamObserver<T> observer) {
        result.whenComplete((value, failure) -> {
            if (failure == null) {
                observer.onNext(value);
                observer.onCompleted();
            } else {
                observer.onError(Status.UNAVAILABLE.withDescription(failure.getMessage()).asRuntimeException());
            }
        });
    }
}
