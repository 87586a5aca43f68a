package dev.scvcdk.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HandlerTest {

    @Test
    void handlerStringIsTheClassThenHandleRequest() {
        assertThat(Handler.CTR_DATA_SYNC.handlerString())
                .isEqualTo("dev.scvcdk.lambdas.ctrsync.CtrDataSyncHandler::handleRequest");
    }

    @Test
    void everyHandlerLivesInTheLambdasPackageAndEndsInHandler() {
        assertThat(Arrays.stream(Handler.values()).map(Handler::className))
                .allSatisfy(name -> assertThat(name).startsWith("dev.scvcdk.lambdas.").endsWith("Handler"))
                .doesNotHaveDuplicates();
    }
}
