package org.netweave.manager.neutron;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.netweave.manager.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Neutron operation: its handler returns the body (null for none) and the answer gets the
 * operation's status; every failure becomes a NeutronError. The manager's own services refuse with
 * {@link ApiException}, whose message and status carry over. Anything unforeseen is a 500 whose
 * body says nothing of the manager's insides (the log has the stack trace).
 */
final class NeutronHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(NeutronHandler.class);

    @FunctionalInterface
    interface Operation {
        Object answer(Context ctx) throws Exception;
    }

    private final int status;
    private final Operation operation;

    NeutronHandler(int status, Operation operation) {
        this.status = status;
        this.operation = operation;
    }

    @Override
    public void handle(Context ctx) {
        try {
            Object body = operation.answer(ctx);
            ctx.status(status);
            if (body != null) {
                ctx.json(body);
            }
        } catch (NeutronException e) {
            answer(ctx, e);
        } catch (ApiException e) {
            answer(ctx, translated(e));
        } catch (HttpResponseException e) {
            answer(ctx, refusal(e.getStatus(), e.getMessage()));
        } catch (Exception e) {
            LOG.error("Neutron API {} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, new NeutronException(500, "HTTPInternalServerError",
                    "Request Failed: internal server error while processing your request."));
        }
    }

    static void answer(Context ctx, NeutronException e) {
        ctx.status(e.status()).json(e.body());
    }

    /** The manager's refusal, with Neutron's exception family for its status. */
    static NeutronException translated(ApiException e) {
        String type = switch (e.status()) {
            case 400 -> "InvalidInput";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 503 -> "ServiceUnavailable";
            default -> "HTTP" + e.status();
        };
        return new NeutronException(e.status(), type, e.getMessage());
    }

    /** The server's own refusal of a request before any handler ran, as webob names them for Neutron. */
    static NeutronException refusal(int status, String message) {
        return switch (status) {
            case 404 -> new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
            case 405 -> new NeutronException(405, "HTTPMethodNotAllowed", "The method is not allowed for this resource.");
            case 413 -> new NeutronException(413, "HTTPRequestEntityTooLarge", "Request is too large.");
            default -> new NeutronException(status, "HTTP" + status, message == null || message.isBlank()
                    ? "The request was refused." : message);
        };
    }
}
