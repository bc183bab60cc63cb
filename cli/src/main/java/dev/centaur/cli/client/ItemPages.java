package dev.centaur.cli.client;

import dev.centaur.cli.CliException;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.common.v1.ItemContent;
import dev.centaur.router.v1.AddGoldenItemsRequest;
import dev.centaur.router.v1.GoldenItem;
import dev.centaur.router.v1.SubmitItemsRequest;
import dev.centaur.router.v1.SubmittedItem;
import com.google.protobuf.MessageLite;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Items sent to router in pages (SubmitItems, AddGoldenItems): at most {@link #MAX_ITEMS} items and
 * about {@link #MAX_BYTES} per request, and each page sent again after a passing failure (both RPCs
 * are idempotent on the item ids).
 */
public final class ItemPages {

    /** Router accepts at most 1000 items per SubmitItems or AddGoldenItems. */
    public static final int MAX_ITEMS = 1000;
    /**
     * Quarkus's gRPC server on the HTTP port accepts messages up to 256 KiB unless configured
     * otherwise; staying under that keeps the calls working whatever the router's setting.
     */
    public static final long MAX_BYTES = 200 * 1024;
    private static final int ATTEMPTS = 3;

    private ItemPages() {
    }

    /** SubmitItems requests for {@code items}, in their order. */
    public static List<SubmitItemsRequest> submitPages(String projectId, List<DatasetItem> items) {
        List<SubmittedItem> submitted = items.stream()
                .map(item -> SubmittedItem.newBuilder().setItemId(item.id()).setContent(content(item)).build()).toList();
        return split(submitted).stream()
                .map(page -> SubmitItemsRequest.newBuilder().setProjectId(projectId).addAllItems(page).build()).toList();
    }

    /** AddGoldenItems requests for {@code items}, each with its label from {@code gold}. */
    public static List<AddGoldenItemsRequest> goldenPages(String projectId, List<DatasetItem> items, Map<String, String> gold) {
        List<GoldenItem> golden = items.stream().map(item -> GoldenItem.newBuilder().setItemId(item.id())
                .setContent(content(item)).setGoldLabel(gold.get(item.id())).build()).toList();
        return split(golden).stream()
                .map(page -> AddGoldenItemsRequest.newBuilder().setProjectId(projectId).addAllItems(page).build()).toList();
    }

    /** Consecutive runs of {@code elements} within the item and byte limits. */
    static <T extends MessageLite> List<List<T>> split(List<T> elements) {
        List<List<T>> pages = new ArrayList<>();
        List<T> page = new ArrayList<>();
        long pageBytes = 0;
        for (T element : elements) {
            // Each repeated element costs its size plus a tag and a length prefix (at most 1 + 5 bytes).
            long bytes = element.getSerializedSize() + 6L;
            if (!page.isEmpty() && (page.size() == MAX_ITEMS || pageBytes + bytes > MAX_BYTES)) {
                pages.add(page);
                page = new ArrayList<>();
                pageBytes = 0;
            }
            page.add(element);
            pageBytes += bytes;
        }
        if (!page.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    /** Sends one page, again after UNAVAILABLE, DEADLINE_EXCEEDED or RESOURCE_EXHAUSTED. */
    public static <R> R send(String rpc, int items, Supplier<R> call, PrintStream out) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                boolean retryable = code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                        || code == Status.Code.RESOURCE_EXHAUSTED;
                if (!retryable || attempt == ATTEMPTS) {
                    throw new CliException(RpcFailure.describe(rpc + " (" + items + " items)", e), e);
                }
                out.println("  " + rpc + ": " + code + ", retrying");
                sleep(2000L * attempt);
            }
        }
    }

    public static ItemContent content(DatasetItem item) {
        return item.isPair()
                ? ItemContent.newBuilder().setTextA(item.textA()).setTextB(item.textB()).build()
                : ItemContent.newBuilder().setText(item.text()).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }
}
