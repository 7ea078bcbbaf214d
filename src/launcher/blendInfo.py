# omtop's question to blender before a split render: where will each frame be written, at what size?
# Run as: blender -b FILE --python-exit-code 1 --python blendInfo.py -- SCENE OUT_DIR FORMAT ENGINE FRAMES PARTIAL_PREFIX OUT_PATTERN
# (empty strings mean "the .blend's own setting"; OUT_PATTERN, a whole -o pattern, wins over OUT_DIR).
# Answers with one line: OMTOP-BLEND-INFO {json}.
# PARTIAL_PREFIX goes before the file name of the pattern: blender writes each frame under that
# partial name first, and blender itself says what both names become (`#` runs, padding, extension).
import json
import os
import sys

import bpy


def answer(payload):
    print("OMTOP-BLEND-INFO " + json.dumps(payload), flush=True)
    return payload


def frames_of(text):
    frames = []
    for item in filter(None, text.split(",")):
        first, _, last = item.partition("-")
        frames.extend(range(int(first), int(last or first) + 1))
    return frames


def own_pattern(render):
    # abspath() drops a trailing slash, which would turn "//rendered/" into "rendered0001.jpg".
    path = bpy.path.abspath(render.filepath or "//")
    trailing = path.endswith(("/", "\\"))
    path = os.path.abspath(path)
    return path + os.sep if trailing else path


def main(args=None):
    """Prints the answer and returns it; renderWorker.py calls it with its own ARGS and renders the scene as set up here."""
    scene_name, out_dir, file_format, engine, frames_text, partial_prefix, out_pattern = args or sys.argv[sys.argv.index("--") + 1:]
    scenes = [scene.name for scene in bpy.data.scenes]
    scene = bpy.data.scenes.get(scene_name) if scene_name else bpy.context.scene
    if scene is None:
        return answer({"error": "no scene named %r in this .blend (it has: %s)" % (scene_name, ", ".join(scenes))})
    render = scene.render
    try:
        if file_format:
            render.image_settings.file_format = file_format
        if engine:
            render.engine = engine
    except TypeError as error:
        return answer({"error": str(error).split("\n")[0]})
    if render.is_movie_format:
        return answer({"error": "the scene writes a movie (%s); a split render needs an image format: pass --format PNG or JPEG"
                       % render.image_settings.file_format})
    if out_pattern:
        pattern = out_pattern
    else:
        pattern = os.path.join(os.path.abspath(out_dir), "frame_####") if out_dir else own_pattern(render)
    render.use_file_extension = True
    frames = frames_of(frames_text)
    render.filepath = pattern
    paths = [render.frame_path(frame=frame) for frame in frames]
    # "/out/frame_####" -> "/out/.omtop-partial-ID-frame_####"; "/out/" -> "/out/.omtop-partial-ID-".
    partial_pattern = os.path.join(os.path.dirname(pattern), partial_prefix + os.path.basename(pattern))
    render.filepath = partial_pattern
    partial_paths = [render.frame_path(frame=frame) for frame in frames]
    scale = render.resolution_percentage / 100.0
    return answer({
        "scene": scene.name,
        "pattern": pattern,
        "format": render.image_settings.file_format,
        "engine": render.engine,
        "width": int(render.resolution_x * scale),
        "height": int(render.resolution_y * scale),
        "fps": render.fps,
        "frameStart": scene.frame_start,
        "frameEnd": scene.frame_end,
        "paths": paths,
        "partialPattern": partial_pattern,
        "partialPaths": partial_paths,
    })


# Run by blender (--python); renderWorker.py imports it and calls main() itself.
if __name__ == "__main__":
    main()
