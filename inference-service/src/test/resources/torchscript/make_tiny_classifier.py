"""Builds a tiny TorchScript sentiment classifier for the tests (run with Debian's python3-torch).

Usage: python3 make_tiny_classifier.py OUTPUT_DIR

The model sums one weight row per token (padding masked out): "good"/"great" add (0, 2),
"bad"/"awful" add (2, 0), every other token adds (0, 0). Its ids are those of tokenizer.json beside
this script, so the tests can compute every expected probability by hand.
"""
import os
import sys

import torch


class TinySentiment(torch.nn.Module):
    def __init__(self):
        super().__init__()
        weights = torch.zeros(10, 2)
        for token_id in (4, 5):  # good, great
            weights[token_id] = torch.tensor([0.0, 2.0])
        for token_id in (6, 7):  # bad, awful
            weights[token_id] = torch.tensor([2.0, 0.0])
        self.weights = torch.nn.Parameter(weights, requires_grad=False)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        rows = self.weights[input_ids]
        return (rows * attention_mask.unsqueeze(-1).to(rows.dtype)).sum(dim=1)


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.jit.script(TinySentiment().eval()).save(os.path.join(out, "model.pt"))
    print("wrote", os.path.join(out, "model.pt"), "with torch", torch.__version__)
