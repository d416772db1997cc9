"""The curriculum: the skills of a track, their order, prerequisites and groups
(``data/curriculum.toml``). Groups are the coarse areas learners rate themselves on."""

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
    group: str


@dataclass(frozen=True)
class SkillGroup:
    id: str
    name: str
    skills: tuple[str, ...]


class Curriculum:
    def __init__(self, skills: list[Skill], groups: list[SkillGroup] | None = None) -> None:
        self.skills = {s.id: s for s in skills}
        self.groups = {g.id: g for g in groups or []}

    @classmethod
    def load(cls, path: Path) -> Curriculum:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        skills = [Skill(s["id"], s["name"], tuple(s.get("requires", [])), i, s.get("group", "other"))
                  for i, s in enumerate(data.get("skills", []))]
        groups = [SkillGroup(g["id"], g["name"], tuple(s.id for s in skills if s.group == g["id"]))
                  for g in data.get("groups", [])]
        return cls(skills, groups)

    def name(self, skill_id: str) -> str:
        return self.skills[skill_id].name if skill_id in self.skills else skill_id.replace("-", " ").title()

    def order(self, skill_id: str) -> int:
        return self.skills[skill_id].order if skill_id in self.skills else len(self.skills)

    def group_of(self, skill_id: str) -> str | None:
        skill = self.skills.get(skill_id)
        return skill.group if skill else None

    def requires(self, skill_id: str) -> tuple[str, ...]:
        skill = self.skills.get(skill_id)
        return skill.requires if skill else ()
