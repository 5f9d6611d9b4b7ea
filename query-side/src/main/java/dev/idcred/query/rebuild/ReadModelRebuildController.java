package dev.idcred.query.rebuild;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v3/read-model-rebuilds} starts rebuilding every read model from the log (202 with its progress);
 * {@code GET /v3/read-model-rebuilds/current} reports events done, rate and estimated time left.
 */
@RestController
class ReadModelRebuildController {

    private final ReadModelRebuild rebuild;

    ReadModelRebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/v3/read-model-rebuilds")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildProgress start() {
        return rebuild.start();
    }

    @GetMapping("/v3/read-model-rebuilds/current")
    RebuildProgress current() {
        RebuildProgress progress = rebuild.progress();
        if (progress == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No rebuild has run since the service started");
        }
        return progress;
    }
}
