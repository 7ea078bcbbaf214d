# Run after fixtures/blender/make-scene.py in the same blender call: replaces the scene's spiky
# sample keys (every fifth frame heavy) with a ramp, samples rising linearly from RAMP_LOW on the
# first frame to RAMP_HIGH on the last. It stands for the common animation whose later shots are
# heavier: an even split of the range hands the last part all the heavy frames. The ramp's total
# samples over 32 frames (~1,540) match the spiky profile's over 28 (~1,580), so both cost alike.
# Usage: blender -b --factory-startup --python fixtures/blender/make-scene.py \
#          --python bench/blender/ramp-cost.py --python bench/blender/single-thread.py -- OUT.blend LAST_FRAME
import bpy

RAMP_LOW = 4
RAMP_HIGH = 92

scene = bpy.context.scene
action = scene.animation_data.action if scene.animation_data else None
if action is not None:
    for curve in [curve for curve in action.fcurves if curve.data_path == "cycles.samples"]:
        action.fcurves.remove(curve)

first, last = scene.frame_start, scene.frame_end
span = max(1, last - first)
for frame in range(first, last + 1):
    scene.cycles.samples = round(RAMP_LOW + (RAMP_HIGH - RAMP_LOW) * (frame - first) / span)
    scene.cycles.keyframe_insert(data_path="samples", frame=frame)

bpy.ops.wm.save_as_mainfile(filepath=bpy.data.filepath)
