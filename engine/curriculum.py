"""The curriculum: the skills of a track, their order and prerequisites (``data/curriculum.toml``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    requires: tuple[str, ...]
    order: int


class Curriculum:
    def __init__(self, skills: list[Skill]) -> None:
        self.skills = {s.id: s for s in skills}

    @classmethod
    def load(cls, path: Path) -> Curriculum:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        skills = [Skill(s["id"], s["name"], tuple(s.get("requires", [])), i)
                  for i, s in enumerate(data.get("skills", []))]
        return cls(skills)

    def name(self, skill_id: str) -> str:
        return self.skills[skill_id].name if skill_id in self.skills else skill_id.replace("-", " ").title()

    def order(self, skill_id: str) -> int:
        return self.skills[skill_id].order if skill_id in self.skills else len(self.skills)

    def unlocked(self, skill_id: str, practised: set[str]) -> bool:
        """Whether a skill's prerequisites have all been practised."""
        skill = self.skills.get(skill_id)
        return skill is None or all(r in practised for r in skill.requires)
