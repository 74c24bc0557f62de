"""``/v1/ingest`` and ``/v1/jobs/{id}``: adding articles over HTTP.

An upload is saved to a temporary folder and ingested by a job in the background, one job at
a time (the store has one writer); its report (what was added, copies, each rejected file
with its reason) is kept in the store with the job.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import uuid
import zipfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Request, Response, UploadFile

from chronicle.api import Chronicle
from chronicle.errors import ChronicleError
from chronicle.serialize import ingest_report_dict
from chronicle.web.deps import Served, ServedDep, json_response
from chronicle.web.schemas import Job

router = APIRouter(tags=["ingest"])

_UNSAFE = re.compile(r"[^\w.\- ]+")


def _safe_path(folder: Path, index: int, name: str | None) -> Path:
    """Where the upload's ``index``-th file is kept: under the user's name (made safe), so the
    article's id is the one a CLI ingest of that file gives, in a folder of its own, so two
    files of one name never meet."""
    base = _UNSAFE.sub("_", Path(name or "upload").name).strip(" .") or "upload"
    place = folder / f"{index:04d}"
    place.mkdir()
    return place / base[:120]


def _unzip(archive: Path, into: Path, state: Served, count: int) -> int:
    """The regular files of a zip, each under a safe name; refused when the unpacked size or the
    number of files is over the upload limits (a zip bomb never unpacks)."""
    config = state.config
    with zipfile.ZipFile(archive) as opened:
        members = [m for m in opened.infolist() if not m.is_dir()]
        if count + len(members) > config.max_upload_files:
            raise HTTPException(413, f"more than {config.max_upload_files} files in one upload")
        if sum(m.file_size for m in members) > config.max_upload_bytes:
            raise HTTPException(413, f"the zip unpacks to more than the limit of {config.max_upload_bytes} bytes")
        for offset, member in enumerate(members):
            target = _safe_path(into, count + offset, member.filename)
            with opened.open(member) as source, target.open("wb") as out:
                shutil.copyfileobj(source, out, 1 << 20)
    archive.unlink()
    return len(members)


@router.post("/ingest", status_code=202, response_model=Job)
async def ingest(
    *,
    request: Request,
    files: Annotated[list[UploadFile], File(description="article files, a JSON Lines file or a zip of them")],
    state: ServedDep,
) -> Response:
    """Upload articles: answered at once with a job to poll at ``/v1/jobs/{id}``."""
    state.config.require_write(request)
    if len(files) > state.config.max_upload_files:
        raise HTTPException(413, f"more than {state.config.max_upload_files} files in one upload")
    folder = Path(tempfile.mkdtemp(prefix="chronicle-upload-"))
    names: dict[str, str] = {}
    try:
        count = 0
        for upload in files:
            target = _safe_path(folder, count, upload.filename)
            with target.open("wb") as out:
                shutil.copyfileobj(upload.file, out, 1 << 20)
            names[target.parent.name] = upload.filename or target.name
            count += 1
            if target.suffix.lower() == ".zip" and zipfile.is_zipfile(target):
                count += _unzip(target, folder, state, count) - 1
    except zipfile.BadZipFile as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(400, f"not a readable zip: {exc}") from exc
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    job_id = uuid.uuid4().hex
    state.views.store().add_job(job_id, count)
    state.jobs.submit(_run, state, job_id, folder, names)
    job = state.views.store().job(job_id)
    return json_response(job, status=202)


def _run(state: Served, job_id: str, folder: Path, names: dict[str, str]) -> None:
    try:
        with Chronicle(state.db, settings=state.settings) as story:
            story.store.start_job(job_id)
            report = ingest_report_dict(story.ingest([folder]))
            for rejection in report["rejections"]:
                rejection["path"] = _uploaded_name(rejection["path"], folder, names)
            story.store.finish_job(job_id, report=report)
    except (ChronicleError, OSError) as exc:
        with Chronicle(state.db, settings=state.settings) as story:
            story.store.finish_job(job_id, error=str(exc))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if state.warmer is not None:
        state.warmer.start()


def _uploaded_name(path: str, folder: Path, names: dict[str, str]) -> str:
    """The name the user gave a file, not where the server kept it."""
    try:
        relative = Path(path).relative_to(folder)
    except ValueError:
        return path
    if not relative.parts:
        return path
    # A zip's members are kept as a zip's files are; the name is the member's own.
    return names.get(relative.parts[0], relative.name)


@router.get("/jobs/{job_id}", response_model=Job)
def job(job_id: str, state: ServedDep) -> Response:
    """An upload's job: its status, and when done its report."""
    found: dict[str, Any] | None = state.views.store().job(job_id)
    if found is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return json_response(found)
