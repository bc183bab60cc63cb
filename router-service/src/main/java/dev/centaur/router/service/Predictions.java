package dev.centaur.router.service;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.inference.v1.PredictItem;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.inference.v1.Prediction;
import dev.centaur.router.routing.LabelOrder;
import dev.centaur.router.routing.MalformedPredictionException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Predict calls as router makes them for project items and golden items alike. */
final class Predictions {

    private Predictions() {
    }

    static PredictRequest request(String modelName, Map<String, ItemContent> contentById) {
        PredictRequest.Builder request = PredictRequest.newBuilder().setModelName(modelName);
        contentById.forEach((itemId, content) ->
                request.addItems(PredictItem.newBuilder().setItemId(itemId).setContent(content)));
        return request.build();
    }

    /** Every item's distribution in the project's order, or nothing: one bad answer refuses the batch. */
    static Map<String, double[]> inProjectOrder(List<String> projectLabels, Iterable<String> itemIds,
            PredictResponse response) throws MalformedPredictionException {
        LabelOrder order = LabelOrder.between(projectLabels, response.getLabelsList());
        Map<String, double[]> distributions = new HashMap<>();
        for (Prediction prediction : response.getPredictionsList()) {
            distributions.put(prediction.getItemId(),
                    order.toProjectOrder(prediction.getItemId(), prediction.getProbabilitiesList()));
        }
        for (String itemId : itemIds) {
            if (!distributions.containsKey(itemId)) {
                throw new MalformedPredictionException("no prediction for item \"" + itemId + "\"");
            }
        }
        return distributions;
    }
}
