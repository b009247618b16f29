"""The GB/T 19580 point structure that the award schemes are judged against."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.model.scheme import Strict


class StandardItem(Strict):
    id: str = Field(pattern=r"^4\.\d\.\d$")
    name: str
    points: int = Field(gt=0)


class StandardPart(Strict):
    id: str = Field(pattern=r"^4\.\d$")
    name: str
    points: int = Field(gt=0)
    judged_on: Literal["process", "results"]
    items: list[StandardItem] = Field(min_length=1)

    @model_validator(mode="after")
    def _sum(self) -> StandardPart:
        total = sum(i.points for i in self.items)
        if total != self.points:
            raise ValueError(f"items add to {total}, not to the part's {self.points} points")
        for item in self.items:
            if not item.id.startswith(self.id + "."):
                raise ValueError(f"item {item.id} does not belong to part {self.id}")
        return self


class Band(Strict):
    low: int = Field(ge=0, le=100)
    high: int = Field(ge=0, le=100)


class Standard(Strict):
    id: Literal["gbt19580"]
    name: str
    edition: str
    total: int
    verified: bool
    source: str
    note: str
    step_percent: int = Field(gt=0)
    bands: list[Band] = Field(min_length=1)
    parts: list[StandardPart] = Field(min_length=1)

    @model_validator(mode="after")
    def _sum(self) -> Standard:
        total = sum(p.points for p in self.parts)
        if total != self.total:
            raise ValueError(f"parts add to {total}, not to the total {self.total}")
        edges = [(b.low, b.high) for b in self.bands]
        if edges[0][0] != 0 or edges[-1][1] != 100:
            raise ValueError("bands must run from 0 to 100")
        for (_, high), (low, _) in zip(edges, edges[1:], strict=False):
            if low != high + self.step_percent:
                raise ValueError(f"bands leave a gap or overlap between {high} and {low}")
        return self
