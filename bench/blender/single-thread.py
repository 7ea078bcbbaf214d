# Run after fixtures/blender/make-scene.py in the same blender call: renders with one thread, so
# each of the benchmark's parts stands for one node with one CPU (on a 2-core machine, two parts
# of two threads each would fight over the cores and no split could beat a single process).
# Usage: blender -b --factory-startup --python fixtures/blender/make-scene.py \
#          --python bench/blender/single-thread.py -- OUT.blend LAST_FRAME
import bpy

scene = bpy.context.scene
scene.render.threads_mode = "FIXED"
scene.render.threads = 1
bpy.ops.wm.save_as_mainfile(filepath=bpy.data.filepath)
