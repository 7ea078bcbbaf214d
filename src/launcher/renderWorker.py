# omtop's render worker: one long-lived blender per part of a split render, so that blender starts
# and loads the .blend once per part instead of once per chunk, and omtop can hand out frames one at
# a time until the last one.
# Run as: blender -b FILE [-S SCENE] [-t THREADS] --python-exit-code 1 --python renderWorker.py -- REQUEST
# REQUEST is one JSON word: {"scene", "outDir", "outPattern", "format", "engine", "partialPrefix", "infoFrames",
# "size": {"width", "height"} or null, "noDenoising"}; empty strings mean "the .blend's own setting"
# (outPattern, a whole -o pattern, wins over outDir, as in blendInfo.py).
# The worker first prints blendInfo.py's answer (OMTOP-BLEND-INFO, with the paths of infoFrames,
# a frame list such as 1-40 or empty), so no other blender has to be asked where frames go, and
# renders the scene exactly as that answer describes it.
#
# Then, one line at a time on stdin:   render N   renders frame N to its partial name;   quit   (or the
# end of stdin, when omtop is gone) ends the worker. Each frame is answered on stdout with
#   OMTOP-WORKER saved N            the partial file of frame N is written and not empty
#   OMTOP-WORKER failed N REASON    it is not (REASON is one line)
# after blender's own log lines for the frame (Fra:, Saved:, errors), which omtop keeps in the part log.
#
# Two differences from `blender -a` are handled here: in 3.x `write_still` does not turn `#` into the
# frame number, so the frame's own path is computed with the scene's frame_path() and set before
# each frame; and `write_still` ignores use_overwrite/use_placeholder (omtop decides what to render).
import json
import os
import sys

import bpy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blendInfo  # noqa: E402  (beside this file; importing it runs nothing)

MARK = "OMTOP-WORKER "


def say(*words):
    print(MARK + " ".join(str(word) for word in words), flush=True)


def one_line(error):
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def set_up(request):
    """The scene to render, set up as blendInfo answers (format, engine, the partial pattern in filepath)
    plus omtop's size and denoising; None when blendInfo answered with an error."""
    info = blendInfo.main([
        request["scene"], request["outDir"], request["format"], request["engine"],
        request["infoFrames"], request["partialPrefix"], request.get("outPattern", ""),
    ])
    if "error" in info:
        return None
    scene = bpy.data.scenes[info["scene"]]
    render = scene.render
    size = request.get("size")
    if size:
        render.resolution_x = int(size["width"])
        render.resolution_y = int(size["height"])
        render.resolution_percentage = 100
    if request.get("noDenoising") and hasattr(scene, "cycles"):
        scene.cycles.use_denoising = False
    return scene


def render_frame(scene, pattern, frame):
    """Renders frame N as `blender -f N` would and writes it to its partial name; returns that path."""
    render = scene.render
    path = render.frame_path(frame=frame)
    scene.frame_set(frame)
    render.filepath = path
    try:
        bpy.ops.render.render(write_still=True, scene=scene.name)
    finally:
        render.filepath = pattern
    return path


def serve(scene):
    # blendInfo.main() left the partial pattern in filepath: frame_path() expands it per frame.
    pattern = scene.render.filepath
    say("ready")
    while True:
        line = sys.stdin.readline()
        if line == "":
            return  # omtop closed our stdin: it is gone or done
        words = line.split()
        if words == ["quit"]:
            return
        if len(words) != 2 or words[0] != "render" or not words[1].isdigit():
            say("unknown", json.dumps(line.strip()))
            continue
        frame = int(words[1])
        try:
            path = render_frame(scene, pattern, frame)
        except Exception as error:  # a failed frame is reported, and the worker takes the next one
            say("failed", frame, one_line(error))
            continue
        if os.path.isfile(path) and os.path.getsize(path) > 0:
            say("saved", frame)
        else:
            say("failed", frame, "blender wrote no file " + path)


def main():
    request = json.loads(sys.argv[sys.argv.index("--") + 1])
    scene = set_up(request)
    if scene is not None:
        serve(scene)


main()
